using System.Text.Json;
using BriefBot.Rephrasing;
using BriefBot.Search;

namespace BriefBot.Cli;

/// <summary>
/// <c>ask "question" [--json] [--rephrase]</c>: answers from the configured index, reading the sources into it first
/// when it mirrors them or is new (see <see cref="CliConfiguration.OpenToAnswer"/>).
/// </summary>
internal static class AskCommand
{
    public static readonly CliVerb Verb = new("ask", "ask \"your question\" [--json] [--rephrase] [--Search:IndexFolder=DIR] [--Search:Sources=DIR]",
        Flags: ["json", "rephrase"], Valued: [], MaxPositional: int.MaxValue, CliSettings.Sectioned);

    public static int Run(CliArgs args, TextWriter output, TextWriter errors)
    {
        string question = string.Join(' ', args.Positional);
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new CliException($"Ask a question. Usage: {Verb.Usage}");
        }

        var configuration = CliConfiguration.Load(args.Settings);
        var options = CliConfiguration.Search(configuration);
        using var knowledge = CliConfiguration.OpenToAnswer(options, errors, out _);
        var answer = knowledge.Ask(question);

        if (args.Has("rephrase") && answer.Status != AnswerStatus.Rejected)
        {
            return RephrasingCli.Write(answer, configuration, args.Has("json"), output);
        }

        if (args.Has("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(answer, CliJson.Indented));
        }
        else
        {
            Write(answer, output);
        }

        return answer.Status == AnswerStatus.Rejected ? 1 : 0;
    }

    internal static void Write(Answer answer, TextWriter output)
    {
        if (answer is not { Quote: { } quote, Citation: { } cite })
        {
            output.WriteLine(answer.Message);
            if (answer.ClosestTitles.Count > 0)
            {
                output.WriteLine($"Closest documents: {string.Join("; ", answer.ClosestTitles)}");
            }

            return;
        }

        output.WriteLine($"\u201C{quote}\u201D");
        output.WriteLine($"  \u2014 {cite.Title} ({cite.Path}, passage {cite.Passage + 1}, characters {cite.QuoteStart}\u2013{cite.QuoteEnd})");
        output.WriteLine($"  confidence {answer.Confidence:F2}");
        foreach (var related in answer.Related)
        {
            output.WriteLine($"  see also: {related.Citation.Title} ({related.Citation.Path}, passage {related.Citation.Passage + 1})");
        }
    }
}

internal static class CliJson
{
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };
    public static readonly JsonSerializerOptions Line = new(JsonSerializerOptions.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
