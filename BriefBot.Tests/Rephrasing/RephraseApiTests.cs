using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BriefBot.Tests.Host;

namespace BriefBot.Tests.Rephrasing;

public sealed class RephraseApiTests(RephrasingHostFixture fixture) : IClassFixture<RephrasingHostFixture>
{
    private const string Question = "When must expense claims for business trips be filed?";
    private const string Quote = "Expense claims for business trips are filed within 30 days of the trip.";

    [Fact]
    public async Task AskWithRephraseReturnsTheAiGeneratedTextWithTheQuoteAndCitation()
    {
        string text = $"Within a month: \"{Quote}\" [1]";
        fixture.Server.Reply = FakeOpenAI.Completion(text);

        var reply = await fixture.AskAsync(Question);

        Assert.True(reply.GetProperty("aiGenerated").GetBoolean());
        Assert.Equal(text, reply.GetProperty("text").GetString());
        Assert.Equal("Rephrased", reply.GetProperty("outcome").GetString());
        var source = reply.GetProperty("sources")[0];
        Assert.Equal(1, source.GetProperty("number").GetInt32());
        Assert.Equal("expense-claims.md", source.GetProperty("path").GetString());
        Assert.Contains(Quote, reply.GetProperty("answer").GetProperty("quote").GetString());
        Assert.Equal("expense-claims.md", reply.GetProperty("answer").GetProperty("citation").GetProperty("path").GetString());
    }

    [Fact]
    public async Task AskWithRephraseThatFallsBackGivesTheReasonAndStillTheQuoteAndCitation()
    {
        fixture.Server.Reply = FakeOpenAI.Completion("Claims never expire: \"Claims can be filed at any time\" [1].");

        var reply = await fixture.AskAsync(Question);

        Assert.False(reply.GetProperty("aiGenerated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("text").ValueKind);
        Assert.Equal("QuoteNotInSource", reply.GetProperty("outcome").GetString());
        Assert.Contains(Quote, reply.GetProperty("answer").GetProperty("quote").GetString());
        Assert.Equal("expense-claims.md", reply.GetProperty("answer").GetProperty("citation").GetProperty("path").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task AskWithoutRephraseKeepsTheExtractiveAnswerAndCallsNoModel(bool? rephrase)
    {
        fixture.Server.Clear();

        var reply = await fixture.AskAsync(Question, rephrase);

        Assert.Contains(Quote, reply.GetProperty("quote").GetString());
        Assert.False(reply.TryGetProperty("aiGenerated", out _));
        Assert.Empty(fixture.Server.Requests);
    }

    [Fact]
    public async Task AskWithRephraseOnAHostWithoutAModelSaysRephrasingIsOff()
    {
        await using var host = new BriefBotHost(sources: RephrasingFixture.Corpus);
        using var client = await host.StartAsync();

        var response = await client.PostAsJsonAsync("/api/ask", new { question = Question, rephrase = true });

        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Disabled", reply.GetProperty("outcome").GetString());
        Assert.Contains(Quote, reply.GetProperty("answer").GetProperty("quote").GetString());
    }
}
