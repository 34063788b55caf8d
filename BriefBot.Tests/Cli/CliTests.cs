using System.Text.Json;
using BriefBot.Cli;

namespace BriefBot.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private static readonly HashSet<string> Valued = new(StringComparer.OrdinalIgnoreCase) { "corpus", "questions", "out", "index" };
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AskPrintsTheQuoteAndCitesTheSeedFile()
    {
        var output = new StringWriter();

        int exit = AskCommand.Run(Args("What did Xi pledge to send to Ukraine?", $"--Search:Sources={TestPaths.Seeds}", $"--Search:IndexFolder={_folder.Combine("index")}"), output);

        Assert.Equal(0, exit);
        Assert.Contains("special representatives", output.ToString());
        Assert.Contains("000_6fc04832441e38c0.txt", output.ToString());
    }

    [Fact]
    public void AskWithJsonPrintsTheWholeAnswer()
    {
        var output = new StringWriter();

        AskCommand.Run(Args("Who won the 2022 World Cup?", "--json", $"--Search:Sources={TestPaths.Seeds}", $"--Search:IndexFolder={_folder.Combine("index")}"), output);

        var answer = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("NotFound", answer.GetProperty("status").GetString());
    }

    [Fact]
    public void ConfigurationSwitchesOverrideTheSettings()
    {
        var output = new StringWriter();

        Assert.Throws<DirectoryNotFoundException>(() =>
            AskCommand.Run(Args("anything at all", "--Search:Sources=/no/such/folder", $"--Search:IndexFolder={_folder.Combine("index")}"), output));
    }

    [Fact]
    public void EvalWritesOneAnswerLinePerQuestionInTheScorersFormat()
    {
        string questions = _folder.Write("questions.jsonl",
            """
            {"id": "q1", "question": "What did Xi pledge to send to Ukraine?", "kind": "answerable"}
            {"id": "q2", "question": "Who won the 2022 World Cup?", "kind": "out-of-corpus"}
            """);
        string answers = _folder.Combine("out", "answers.jsonl");

        int exit = EvalCommand.Run(Args("--corpus", TestPaths.Seeds, "--questions", questions, "--out", answers, "--index", _folder.Combine("index")), new StringWriter());

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(answers).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["q1", "q2"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.True(lines[0].GetProperty("answered").GetBoolean());
        Assert.Contains(lines[0].GetProperty("quote").GetString()!, lines[0].GetProperty("passage").GetString());
        Assert.Equal("000_6fc04832441e38c0.txt", lines[0].GetProperty("source").GetString());
        Assert.False(lines[1].GetProperty("answered").GetBoolean());
        Assert.True(lines[1].GetProperty("ms").GetDouble() >= 0);
    }

    private static CliArgs Args(params string[] args) => new(args, Valued);
}
