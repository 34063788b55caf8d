using BriefBot.Search.Rephrasing;

namespace BriefBot.Tests.Rephrasing;

public sealed class CompatibleRephrasingTests(RephrasingFixture fixture) : IClassFixture<RephrasingFixture>
{
    private static readonly string Grounded = $"Finance signs off late claims: \"{RephrasingFixture.FinanceQuote}\" [1].";

    [Fact]
    public async Task TheCompatibleClientPostsToV1ChatCompletionsWithABearerToken()
    {
        fixture.Server.Clear();
        fixture.Server.Reply = FakeOpenAI.Completion(Grounded);

        var result = await fixture.Compatible("llama3.2").RephraseAsync(fixture.AskTwoPassages());

        var request = Assert.Single(fixture.Server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {RephrasingFixture.ApiKey}", request.Authorization);
        Assert.Null(request.ApiKey);
        Assert.Equal("llama3.2", request.Model);
        Assert.Equal(RephraseOutcome.Rephrased, result.Outcome);
        Assert.Equal(Grounded, result.Text);
    }

    [Fact]
    public async Task ThePromptNumbersTheCitedPassageFirstThenTheRelatedOnes()
    {
        fixture.Server.Clear();
        fixture.Server.Reply = FakeOpenAI.Completion(Grounded);

        await fixture.Compatible("llama3.2").RephraseAsync(fixture.AskTwoPassages());

        string user = Assert.Single(fixture.Server.Requests).MessageOf("user");
        int first = user.IndexOf("[1] (Expense claims)", StringComparison.Ordinal);
        int second = user.IndexOf("[2] (Travel policy)", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, "passage [1] is the cited one, [2] the related one");
        Assert.Contains(RephrasingFixture.TwoPassageQuestion, user);
        Assert.Contains("verbatim", Assert.Single(fixture.Server.Requests).MessageOf("system"));
    }
}
