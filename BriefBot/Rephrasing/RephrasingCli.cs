using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using BriefBot.Cli;
using BriefBot.Search;
using BriefBot.Search.Rephrasing;

namespace BriefBot.Rephrasing;

/// <summary><c>ask "question" --rephrase [--json]</c>: the answer rephrased by the configured model, above its quote and citation.</summary>
internal static class RephrasingCli
{
    public static int Write(Answer answer, IConfiguration configuration, bool json, TextWriter output)
    {
        var rephraser = Rephraser.Create(Options(configuration).ToRephrasingOptions());
        var result = rephraser.RephraseAsync(answer).GetAwaiter().GetResult();
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(RephrasedAskResponse.From(result), CliJson.Indented));
        }
        else if (result.IsRephrased)
        {
            output.WriteLine(result.Text);
            output.WriteLine($"  AI-generated ({result.Elapsed.TotalMilliseconds:F0} ms); the quote it stands on:");
            AskCommand.Write(answer, output);
        }
        else
        {
            if (result.Outcome != RephraseOutcome.NotAnswered)
            {
                output.WriteLine($"(not rephrased: {result.Outcome}{(result.Detail is null ? "" : $", {result.Detail}")}; the extractive answer stands)");
            }

            AskCommand.Write(answer, output);
        }

        return 0;
    }

    /// <summary>The "OpenAI" section, checked as the host checks it at start.</summary>
    private static OpenAIOptions Options(IConfiguration configuration)
    {
        var options = configuration.GetSection(OpenAIOptions.Section).Get<OpenAIOptions>() ?? new OpenAIOptions();
        if (!options.Enabled)
        {
            throw new CliException("--rephrase needs OpenAI:Endpoint, and OpenAI:Deployment or OpenAI:Model, to be set.");
        }

        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        var failures = errors.Select(e => e.ErrorMessage ?? "").Concat(new OpenAIOptionsValidator().Validate(null, options).Failures ?? []).ToList();
        return failures.Count == 0 ? options : throw new CliException(string.Join(Environment.NewLine, failures));
    }
}
