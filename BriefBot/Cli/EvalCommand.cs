using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Search;

namespace BriefBot.Cli;

/// <summary>
/// <c>eval --corpus DIR --questions FILE --out FILE [--index DIR]</c>: indexes a corpus (into an index of its own
/// unless <c>--index</c> names one; an index built from another folder is answered from as it is, see
/// <see cref="CliConfiguration.OpenToAnswer"/>), answers every question of an evaluation set, and writes the answers
/// file that <c>shared/eval/score.py qa</c> scores.
/// </summary>
internal static class EvalCommand
{
    private sealed record EvalAnswer(string Id, bool Answered, string? Quote, string? Source, string? Passage, double Ms);

    public static readonly CliVerb Verb = new("eval", "eval --corpus DIR --questions FILE --out FILE [--index DIR]",
        Flags: [], Valued: ["corpus", "questions", "out", "index"], MaxPositional: 0, CliSettings.Sectioned);

    public static int Run(CliArgs args, TextWriter output, TextWriter errors)
    {
        string corpus = Path.GetFullPath(args.Require("corpus"));
        string questionsFile = args.Require("questions");
        string outFile = args.Require("out");
        var options = CliConfiguration.Search(CliConfiguration.Load(args.Settings));
        options.Sources = corpus;
        options.IndexFolder = args.Get("index") ?? Path.Combine(Path.GetTempPath(), "briefbot-eval", ShortHash(corpus));

        using var knowledge = CliConfiguration.OpenToAnswer(options, errors, out var report, Progress.ForTerminal(output));
        output.WriteLine(report is null
            ? $"Index: {knowledge.Stats().Passages} passages at {options.IndexFolder}, not read again"
            : $"Index: {knowledge.Stats().Passages} passages ({report.PassagesWritten} written in {report.Elapsed.TotalSeconds:F2} s) at {options.IndexFolder}");

        var questions = File.ReadLines(questionsFile).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!).ToList();
        knowledge.Ask("warm up the searcher and the JIT"); // the first call pays for class loading, not for answering
        var answers = new List<(string Kind, EvalAnswer Answer)>(questions.Count);
        var clock = new Stopwatch();
        foreach (var q in questions)
        {
            string question = q["question"]!.GetValue<string>();
            clock.Restart();
            var answer = knowledge.Ask(question);
            double ms = clock.Elapsed.TotalMilliseconds;
            answers.Add((q["kind"]?.GetValue<string>() ?? "", new EvalAnswer(
                q["id"]!.GetValue<string>(), answer.IsAnswered, answer.Quote, answer.Citation?.Path, answer.Citation?.PassageText, Math.Round(ms, 3))));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        File.WriteAllLines(outFile, answers.Select(a => JsonSerializer.Serialize(a.Answer, CliJson.Line)));
        Summarize(answers, output);
        output.WriteLine($"Wrote {answers.Count} answers to {outFile}");
        return 0;
    }

    private static void Summarize(List<(string Kind, EvalAnswer Answer)> answers, TextWriter output)
    {
        foreach (var group in answers.GroupBy(a => a.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double answered = group.Count(a => a.Answer.Answered) / (double)group.Count();
            output.WriteLine($"{group.Key,-14} {group.Count(),5} questions, answered {answered:P1}");
        }

        // Every quote should be text as a reader sees it; any that shows source syntax is counted, and named.
        var marked = answers.Where(a => QuoteMarkup.Shows(a.Answer.Quote)).Select(a => a.Answer.Id).ToList();
        output.WriteLine($"quotes showing markup: {marked.Count}" + (marked.Count > 0 ? $" ({string.Join(", ", marked.Take(10))})" : ""));
        var ms = answers.Select(a => a.Answer.Ms).Order().ToList();
        output.WriteLine($"ms per answer: p50 {Percentile(ms, 0.50):F3}, p95 {Percentile(ms, 0.95):F3}, p99 {Percentile(ms, 0.99):F3}");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
