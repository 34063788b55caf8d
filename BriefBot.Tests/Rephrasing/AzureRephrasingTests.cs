using BriefBot.Search;
using BriefBot.Search.Rephrasing;

namespace BriefBot.Tests.Rephrasing;

public sealed class AzureRephrasingTests(RephrasingFixture fixture) : IClassFixture<RephrasingFixture>
{
    private static readonly string Grounded =
        $"Late claims and flights both need sign-off: \u201C{RephrasingFixture.FinanceQuote}\u201D [1], and \"{RephrasingFixture.FlightQuote}\" [2].";

    private FakeOpenAI Server => fixture.Server;

    [Fact]
    public async Task TheAzureClientPostsToTheDeploymentWithApiVersionAndApiKey()
    {
        Server.Clear();
        Server.Reply = FakeOpenAI.Completion(Grounded);

        await fixture.Azure().RephraseAsync(fixture.AskTwoPassages());

        var request = Assert.Single(Server.Requests);
        Assert.Equal($"/openai/deployments/{RephrasingFixture.Deployment}/chat/completions", request.Path);
        Assert.Equal("2024-10-21", request.ApiVersion);
        Assert.Equal(RephrasingFixture.ApiKey, request.ApiKey);
        Assert.Null(request.Authorization);
        Assert.Equal(RephrasingFixture.Deployment, request.Model);
    }

    [Fact]
    public async Task AGroundedReplyIsShownWithItsNumberedSources()
    {
        Server.Reply = FakeOpenAI.Completion(Grounded);
        var answer = fixture.AskTwoPassages();

        var result = await fixture.Azure().RephraseAsync(answer);

        Assert.Equal(RephraseOutcome.Rephrased, result.Outcome);
        Assert.True(result.IsRephrased);
        Assert.Equal(Grounded, result.Text);
        Assert.Equal(["expense-claims.md", "travel-policy.md"], result.Sources.Select(s => s.Path));
        Assert.Same(answer, result.Answer);
    }

    [Theory]
    [InlineData("Claims are easy: \"Late claims are always approved automatically\" [1].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("Finance decides: \"Late claims need the approval of the finance team\" [2].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("Finance decides: \"Late claims need the approval of the finance team\" [5].", RephraseOutcome.UnknownCitation)]
    [InlineData("Finance decides on late claims.", RephraseOutcome.NoCitation)]
    [InlineData("", RephraseOutcome.EmptyReply)]
    [InlineData("   \n ", RephraseOutcome.EmptyReply)]
    public async Task AnUngroundedReplyFallsBackToTheExtractiveAnswer(string reply, RephraseOutcome expected)
    {
        Server.Reply = FakeOpenAI.Completion(reply);
        var answer = fixture.AskTwoPassages();

        var result = await fixture.Azure().RephraseAsync(answer);

        AssertFellBack(answer, result, expected);
    }

    [Fact]
    public async Task AReplyCutOffAtTheTokenLimitFallsBack()
    {
        Server.Reply = FakeOpenAI.Completion($"\"{RephrasingFixture.FinanceQuote}\" [1] and", finishReason: "length");
        var answer = fixture.AskTwoPassages();

        AssertFellBack(answer, await fixture.Azure().RephraseAsync(answer), RephraseOutcome.TooLong);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(400)]
    public async Task AnHttpErrorFallsBackAfterAtMostOneRetry(int status)
    {
        Server.Clear();
        Server.Reply = FakeOpenAI.Status(status);
        var answer = fixture.AskTwoPassages();

        var result = await fixture.Azure().RephraseAsync(answer);

        AssertFellBack(answer, result, RephraseOutcome.ServiceError);
        Assert.Equal($"HTTP {status}", result.Detail);
        Assert.Equal(status == 400 ? 1 : 2, Server.Requests.Count);
    }

    [Fact]
    public async Task AGroundedReplyAfterTheTimeoutFallsBack()
    {
        Server.Reply = FakeOpenAI.After(TimeSpan.FromSeconds(5), FakeOpenAI.Completion(Grounded));
        var answer = fixture.AskTwoPassages();

        var result = await fixture.Azure(timeout: TimeSpan.FromMilliseconds(500)).RephraseAsync(answer);

        AssertFellBack(answer, result, RephraseOutcome.TimedOut);
    }

    [Fact]
    public async Task AnAbstentionIsNeverSentToTheModel()
    {
        Server.Clear();
        var answer = fixture.Knowledge.Ask("Who won the 2022 World Cup?");

        var result = await fixture.Azure().RephraseAsync(answer);

        Assert.Equal(AnswerStatus.NotFound, answer.Status);
        Assert.Equal(RephraseOutcome.NotAnswered, result.Outcome);
        Assert.Empty(Server.Requests);
    }

    internal static void AssertFellBack(Answer answer, RephrasedAnswer result, RephraseOutcome expected)
    {
        Assert.Equal(expected, result.Outcome);
        Assert.False(result.IsRephrased);
        Assert.Null(result.Text);
        Assert.Same(answer, result.Answer);
        Assert.NotNull(result.Answer.Quote);
        Assert.NotNull(result.Answer.Citation);
    }
}
