using System.Net;
using BriefBot.Tests.BotFramework;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Slack;

namespace BriefBot.Tests.Digests;

/// <summary>
/// The end-to-end: one host with Teams and Slack both on, a Teams channel and a Slack channel subscribed, a
/// new document published and indexed, the clock moved to the due time: each channel gets exactly one digest with
/// the new document's quote and citation, over real HTTP to the fake Connector and the fake Slack Web API.
/// </summary>
public sealed class DigestEndToEndTests : IAsyncLifetime
{
    private const string SlackChannel = "CBOTH";

    private DigestChannelsBed _bed = null!;

    public async Task InitializeAsync() => _bed = await DigestChannelsBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ATeamsChannelAndASlackChannelEachGetOneDigestAtTheDueTimeWithTheNewDocumentsQuoteAndCitation()
    {
        var teamsAck = await _bed.SayInTeamsAsync("digest on 08:00 Europe/Berlin");
        var slackAck = await _bed.SendSlackCommandAsync("digest on 08:00 Europe/Berlin", SlackChannel);
        Assert.Contains("Daily digest on", teamsAck.Body.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, slackAck.StatusCode);
        Assert.Contains("Daily digest on", await slackAck.Content.ReadAsStringAsync());
        _bed.Publish(("travel-policy.txt", TeamsDigestTests.Policy));

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.TeamsChannelPosts().Count > 0 && _bed.SlackDigests(SlackChannel).Count > 0);
        Assert.True(_bed.Clock.GetUtcNow() >= DigestChannelsBed.DueTime);
        await _bed.PollAgainAsync();

        var teams = DigestChannelsBed.Card(Assert.Single(_bed.TeamsChannelPosts()));
        var teamsTexts = DigestChannelsBed.CardTexts(teams);
        var teamsQuote = teamsTexts.First(t => t.StartsWith('\u201C')).Trim('\u201C', '\u201D');
        Assert.Contains(teamsQuote, TeamsDigestTests.Policy);
        Assert.Contains(teamsTexts, t => t.StartsWith("Source: travel-policy.txt, passage", StringComparison.Ordinal));

        var slack = Assert.Single(_bed.SlackDigests(SlackChannel));
        Assert.Equal("Bearer " + FakeSlackApi.BotToken, slack.Authorization);
        var slackTexts = SlackDigestTests.BlockTexts(slack);
        var slackQuote = slackTexts.SelectMany(t => t.Split('\n')).First(line => line.StartsWith('>'))[1..];
        Assert.Contains(slackQuote, TeamsDigestTests.Policy);
        Assert.Contains(slackTexts, t => t.StartsWith("Source: `travel-policy.txt`, passage", StringComparison.Ordinal));

        Assert.Equal(teamsQuote, slackQuote);
        Assert.DoesNotContain("welcome.md", teams.GetProperty("fallbackText").GetString());
        Assert.DoesNotContain("welcome.md", slack.Text);
    }
}
