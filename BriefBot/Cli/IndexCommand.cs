using BriefBot.Answers;
using BriefBot.Search;

namespace BriefBot.Cli;

/// <summary><c>index [folder]</c>: brings the index in line with a folder (the configured sources by default).</summary>
internal static class IndexCommand
{
    public static readonly CliVerb Verb = new("index", "index [FOLDER] [--index DIR] [--Search:Sources=DIR] [--Search:IndexFolder=DIR]",
        Flags: [], Valued: ["index"], MaxPositional: 1, CliSettings.Sectioned);

    public static int Run(CliArgs args, TextWriter output, TextWriter errors)
    {
        var options = CliConfiguration.Search(CliConfiguration.Load(args.Settings));
        if (args.Positional.Count > 0)
        {
            options.Sources = args.Positional[0];
        }

        if (args.Get("index") is { } indexFolder)
        {
            options.IndexFolder = indexFolder;
        }

        using var knowledge = CliConfiguration.OpenKnowledge(options, errors);
        var report = knowledge.Refresh(Progress.ForTerminal(output));
        var stats = knowledge.Stats();
        output.WriteLine(
            $"Indexed {options.SourceFolder}: {report.Added} added, {report.Changed} changed, {report.Removed} removed, " +
            $"{report.Unchanged} unchanged; {report.PassagesWritten} passages written in {report.Elapsed.TotalSeconds:F1} s. " +
            $"The index holds {stats.Documents} documents, {stats.Passages} passages.");
        foreach (string line in IndexReportText.Lines(report))
        {
            output.WriteLine(line);
        }

        return 0;
    }
}

/// <summary>A one-line progress display, shown only when the output is a terminal.</summary>
internal sealed class Progress(TextWriter output) : IProgress<IndexProgress>
{
    private long _lastTicks;

    public static IProgress<IndexProgress>? ForTerminal(TextWriter output) =>
        Console.IsOutputRedirected || output != Console.Out ? null : new Progress(output);

    public void Report(IndexProgress value)
    {
        long now = Environment.TickCount64;
        if (now - _lastTicks < 100 && value.Done < value.Total)
        {
            return;
        }

        _lastTicks = now;
        output.Write($"\r{value.Done}/{value.Total} files ({100.0 * value.Done / Math.Max(1, value.Total):F0}%)");
        if (value.Done == value.Total)
        {
            output.WriteLine();
        }
    }
}
