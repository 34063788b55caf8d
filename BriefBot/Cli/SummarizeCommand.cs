using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Search.Summaries;

namespace BriefBot.Cli;

/// <summary>
/// <c>summarize --input FILE --out FILE [--sentences N]</c>: reads one article a line (<c>{"id", "text"}</c>) and
/// writes its key sentences (<c>{"id", "summary": [...]}</c>), the summaries file that <c>shared/eval/score.py digest</c>
/// scores.
/// </summary>
internal static class SummarizeCommand
{
    private sealed record SummaryLine(string Id, IReadOnlyList<string> Summary);

    public static readonly CliVerb Verb = new("summarize", "summarize --input FILE --out FILE [--sentences N]",
        Flags: [], Valued: ["input", "out", "sentences"], MaxPositional: 0, CliSettings.Sectioned);

    public static int Run(CliArgs args, TextWriter output, TextWriter errors)
    {
        string input = args.Require("input");
        string outFile = args.Require("out");
        int sentences = 3;
        if (args.Get("sentences") is { } n && (!int.TryParse(n, out sentences) || sentences is < 1 or > Summarizer.MaxSentences))
        {
            throw new CliException($"--sentences takes a number from 1 to {Summarizer.MaxSentences}.");
        }

        var lines = new List<string>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(input))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var article = Parse(line, lineNumber);
            var summary = Summarizer.Summarize(article.Text, sentences).Select(s => s.Text).ToList();
            lines.Add(JsonSerializer.Serialize(new SummaryLine(article.Id, summary), CliJson.Line));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        File.WriteAllLines(outFile, lines);
        output.WriteLine($"Wrote {lines.Count} summaries to {outFile}");
        return 0;
    }

    private static (string Id, string Text) Parse(string line, int lineNumber)
    {
        try
        {
            var node = JsonNode.Parse(line);
            if (node?["id"]?.GetValue<string>() is { } id && node["text"]?.GetValue<string>() is { } text)
            {
                return (id, text);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new CliException($"Line {lineNumber}: not JSON with string fields \"id\" and \"text\" ({ex.Message}).");
        }

        throw new CliException($"Line {lineNumber}: needs string fields \"id\" and \"text\".");
    }
}
