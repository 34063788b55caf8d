using System.Text.Json;
using BriefBot.Cli;

namespace BriefBot.Tests.Summaries;

public sealed class SummarizeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void SummarizeWritesAtMostThreeVerbatimSentencesPerArticle()
    {
        string seed = File.ReadAllText(Path.Combine(TestPaths.Seeds, "000_6fc04832441e38c0.txt"));
        string input = _folder.Write("articles.jsonl",
            JsonSerializer.Serialize(new { id = "seed", text = seed, reference = "ignored" }) + "\n\n" +
            JsonSerializer.Serialize(new { id = "tiny", text = "Short." }) + "\n");
        string output = _folder.Combine("out", "summaries.jsonl");

        int exit = SummarizeCommand.Run(new CliArgs(["--input", input, "--out", output], SummarizeCommand.Verb), TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["seed", "tiny"], lines.Select(l => l.GetProperty("id").GetString()));
        var summary = lines[0].GetProperty("summary").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(3, summary.Count);
        Assert.All(summary, s => Assert.Contains(s, seed, StringComparison.Ordinal));
        Assert.Equal(0, lines[1].GetProperty("summary").GetArrayLength());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\": \"x\"}")]
    [InlineData("{\"id\": 7, \"text\": \"Some text here.\"}")]
    public void AMalformedLineIsReportedByNumber(string line)
    {
        string input = _folder.Write("bad.jsonl", "{\"id\": \"ok\", \"text\": \"Fine.\"}\n" + line + "\n");

        var error = Assert.Throws<CliException>(() =>
            SummarizeCommand.Run(new CliArgs(["--input", input, "--out", _folder.Combine("o.jsonl")], SummarizeCommand.Verb), TextWriter.Null, TextWriter.Null));

        Assert.StartsWith("Line 2:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
