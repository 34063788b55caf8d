using System.Text.Json;
using BriefBot.Cli;
using BriefBot.Rephrasing;
using Microsoft.Extensions.Configuration;

namespace BriefBot.Tests.Rephrasing;

public sealed class RephrasingCliTests(RephrasingFixture fixture) : IClassFixture<RephrasingFixture>
{
    [Fact]
    public void AskRephrasePrintsTheAiGeneratedTextAboveTheQuoteAndCitation()
    {
        string text = $"Finance signs off late claims: \"{RephrasingFixture.FinanceQuote}\" [1].";
        fixture.Server.Reply = FakeOpenAI.Completion(text);
        var output = new StringWriter();

        RephrasingCli.Write(fixture.AskTwoPassages(), Settings(), json: false, output);

        string[] lines = output.ToString().Split('\n');
        Assert.Equal(text, lines[0].TrimEnd());
        Assert.StartsWith("  AI-generated", lines[1]);
        Assert.Contains("Late claims need the approval of the finance team.", output.ToString());
        Assert.Contains("Expense claims (expense-claims.md, passage 1", output.ToString());
    }

    [Fact]
    public void AskRephraseJsonMarksTheTextAsAiGenerated()
    {
        fixture.Server.Reply = FakeOpenAI.Status(503);
        var output = new StringWriter();

        RephrasingCli.Write(fixture.AskTwoPassages(), Settings(), json: true, output);

        var reply = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.False(reply.GetProperty("aiGenerated").GetBoolean());
        Assert.Equal("ServiceError", reply.GetProperty("outcome").GetString());
        Assert.Equal("expense-claims.md", reply.GetProperty("answer").GetProperty("citation").GetProperty("path").GetString());
    }

    [Fact]
    public void AskRephraseWithoutAnEndpointIsAClearError()
    {
        var error = Assert.Throws<CliException>(() =>
            RephrasingCli.Write(fixture.AskTwoPassages(), new ConfigurationBuilder().Build(), json: false, new StringWriter()));

        Assert.Contains("--rephrase needs OpenAI:Endpoint", error.Message);
    }

    private IConfiguration Settings() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["OpenAI:Endpoint"] = fixture.Server.V1.ToString(),
        ["OpenAI:Model"] = "llama3.2",
        ["OpenAI:ApiKey"] = RephrasingFixture.ApiKey,
        ["OpenAI:TimeoutSeconds"] = "10",
    }).Build();
}
