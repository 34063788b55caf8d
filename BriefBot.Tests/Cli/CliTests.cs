using System.Text.Json;
using BriefBot.Cli;
using BriefBot.Search;

namespace BriefBot.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AskPrintsTheQuoteAndCitesTheSeedFile()
    {
        var output = new StringWriter();

        int exit = AskCommand.Run(Ask("What did Xi pledge to send to Ukraine?", $"--Search:Sources={TestPaths.Seeds}", $"--Search:IndexFolder={_folder.Combine("index")}"), output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains("special representatives", output.ToString());
        Assert.Contains("000_6fc04832441e38c0.txt", output.ToString());
    }

    [Fact]
    public void AskWithJsonPrintsTheWholeAnswer()
    {
        var output = new StringWriter();

        AskCommand.Run(Ask("Who won the 2022 World Cup?", "--json", $"--Search:Sources={TestPaths.Seeds}", $"--Search:IndexFolder={_folder.Combine("index")}"), output, TextWriter.Null);

        var answer = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("NotFound", answer.GetProperty("status").GetString());
    }

    [Fact]
    public void ConfigurationSwitchesOverrideTheSettings()
    {
        var output = new StringWriter();

        Assert.Throws<DirectoryNotFoundException>(() =>
            AskCommand.Run(Ask("anything at all", "--Search:Sources=/no/such/folder", $"--Search:IndexFolder={_folder.Combine("index")}"), output, TextWriter.Null));
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

        int exit = EvalCommand.Run(Eval("--corpus", TestPaths.Seeds, "--questions", questions, "--out", answers, "--index", _folder.Combine("index")), new StringWriter(), TextWriter.Null);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(answers).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["q1", "q2"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.True(lines[0].GetProperty("answered").GetBoolean());
        Assert.Contains(lines[0].GetProperty("quote").GetString()!, lines[0].GetProperty("passage").GetString());
        Assert.Equal("000_6fc04832441e38c0.txt", lines[0].GetProperty("source").GetString());
        Assert.False(lines[1].GetProperty("answered").GetBoolean());
        Assert.True(lines[1].GetProperty("ms").GetDouble() >= 0);
    }

    [Fact]
    public void AskAnswersFromAnIndexOfOtherDocumentsAsItIsAndDeletesNoneOfThem()
    {
        string index = IndexOfOtherDocuments();
        var output = new StringWriter();
        var errors = new StringWriter();

        int exit = AskCommand.Run(Ask("What does the alpha reactor run on?", $"--Search:IndexFolder={index}"), output, errors);

        Assert.Equal(0, exit);
        Assert.Contains("molten salt", output.ToString());
        Assert.Contains($"it was built from {_folder.Combine("other")}, not {TestPaths.Seeds}", errors.ToString());
        Assert.Equal(2, DocumentsIn(index));
    }

    [Fact]
    public void EvalAnswersFromAnIndexOfOtherDocumentsAsItIsAndDeletesNoneOfThem()
    {
        string index = IndexOfOtherDocuments();
        string questions = _folder.Write("questions.jsonl", """{"id": "q1", "question": "What does the alpha reactor run on?", "kind": "answerable"}""");
        var errors = new StringWriter();

        EvalCommand.Run(Eval("--corpus", TestPaths.Seeds, "--questions", questions, "--out", _folder.Combine("answers.jsonl"), "--index", index), new StringWriter(), errors);

        Assert.Contains("molten salt", File.ReadAllText(_folder.Combine("answers.jsonl")));
        Assert.Contains("it was built from", errors.ToString());
        Assert.Equal(2, DocumentsIn(index));
    }

    [Fact]
    public void AskReadsAgainTheSourcesItsIndexWasBuiltFrom()
    {
        string sources = _folder.Combine("mine");
        _folder.Write("mine/a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        string[] settings = [$"--Search:Sources={sources}", $"--Search:IndexFolder={_folder.Combine("index")}"];
        AskCommand.Run(Ask(["What does the alpha reactor run on?", .. settings]), TextWriter.Null, TextWriter.Null);
        _folder.Write("mine/b.txt", "The beta telescope looks at distant quasars every clear night.");
        var output = new StringWriter();
        var errors = new StringWriter();

        AskCommand.Run(Ask(["What does the beta telescope look at?", .. settings]), output, errors);

        Assert.Contains("quasars", output.ToString());
        Assert.Equal("", errors.ToString());
    }

    [Theory]
    [InlineData("ask", "--jsn|What did Xi pledge?", "Unknown option '--jsn' for ask.")]
    [InlineData("ask", "--index|/tmp/x|What did Xi pledge?", "Unknown option '--index' for ask.")]
    [InlineData("ask", "--Search:Sources|docs|What did Xi pledge?", "The setting --Search:Sources needs its value after '='")]
    [InlineData("eval", "--corpus|c|--questions|q|--out|o|--json", "Unknown option '--json' for eval.")]
    [InlineData("eval", "--corpus|c|extra", "'extra' is one argument too many for eval.")]
    [InlineData("index", "a|b", "'b' is one argument too many for index.")]
    [InlineData("summarize", "--input|i|--out", "--out needs a value.")]
    [InlineData("serve", "--jsn", "Unknown option '--jsn' for serve.")]
    public void AMistakeInTheCommandLineIsASentenceNamingItWithTheUsage(string verb, string args, string expected)
    {
        var spec = verb switch
        {
            "ask" => AskCommand.Verb,
            "eval" => EvalCommand.Verb,
            "index" => IndexCommand.Verb,
            "summarize" => SummarizeCommand.Verb,
            _ => CliCommands.Serve,
        };

        var error = Assert.Throws<CliException>(() => new CliArgs(args.Split('|'), spec));

        Assert.StartsWith(expected, error.Message);
        Assert.EndsWith("Usage: " + spec.Usage, error.Message);
    }

    private string IndexOfOtherDocuments()
    {
        _folder.Write("other/a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        _folder.Write("other/b.txt", "The beta telescope looks at distant quasars every clear night.");
        string index = _folder.Combine("other-index");
        IndexCommand.Run(new CliArgs([_folder.Combine("other"), "--index", index], IndexCommand.Verb), TextWriter.Null, TextWriter.Null);
        return index;
    }

    private static int DocumentsIn(string index)
    {
        using var knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = TestPaths.Seeds, IndexFolder = index });
        return knowledge.Stats().Documents;
    }

    private static CliArgs Ask(params string[] args) => new(args, AskCommand.Verb);

    private static CliArgs Eval(params string[] args) => new(args, EvalCommand.Verb);
}
