using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriefBot.Tests.Slack;

/// <summary>The Slack fixtures, signed, into the real host; the answers as the fake Slack Web API records them.</summary>
public sealed class SlackEventsTests : IAsyncLifetime
{
    private SlackBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SlackBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task UrlVerificationEchoesTheChallenge()
    {
        var fixture = SlackFixtures.Json(SlackFixtures.UrlVerification);
        using var request = SlackFixtures.Signed("/slack/events", SlackFixtures.Read(SlackFixtures.UrlVerification), "application/json");

        var response = await _bed.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(fixture["challenge"]!.GetValue<string>(), body.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task AMentionIsAnsweredInItsThreadWithTheSeedQuote()
    {
        var envelope = SlackFixtures.Envelope(SlackFixtures.AppMention);
        envelope["event"]!["text"] = "<@U123> " + SlackFixtures.SeedQuestion;

        var response = await _bed.SendEventAsync(envelope);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await _bed.Slack.WaitForPostAsync("C123");
        Assert.Equal("1583636399.000700", post.ThreadTs);
        Assert.Equal("Bearer " + Fakes.FakeSlackApi.BotToken, post.Authorization);
        Assert.Contains(SlackFixtures.SeedQuoteFragment, post.Text);
        Assert.Contains(SlackFixtures.SeedQuoteFragment, post.Blocks);
        var blocks = post.Body["blocks"]!.AsArray();
        Assert.Equal("rich_text_quote", blocks[0]!["elements"]![0]!["type"]!.GetValue<string>());
        Assert.Contains("000_6fc04832441e38c0.txt", blocks[1]!.ToJsonString());
        var buttons = blocks[2]!["elements"]!.AsArray();
        Assert.Equal(["👍 Helpful", "👎 Not helpful"], buttons.Select(b => b!["text"]!["text"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.True(long.Parse(b!["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public async Task ADirectMessageIsAnsweredInItsOwnThread()
    {
        var response = await _bed.SendEventAsync(SlackFixtures.Envelope(SlackFixtures.DirectMessage, "EvDM1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await _bed.Slack.WaitForPostAsync("D024BE91L");
        Assert.Equal("1355517523.000005", post.ThreadTs);
        Assert.False(string.IsNullOrWhiteSpace(post.Text));
    }

    [Fact]
    public async Task ADirectMessageInsideAThreadIsAnsweredInThatThread()
    {
        var envelope = SlackFixtures.Envelope(SlackFixtures.DirectMessageInAThread, "EvDM2");
        envelope["event"]!["text"] = SlackFixtures.SeedQuestion;

        await _bed.SendEventAsync(envelope);

        var post = await _bed.Slack.WaitForPostAsync("D111");
        Assert.Equal("1726133698.626339", post.ThreadTs);
        Assert.Contains(SlackFixtures.SeedQuoteFragment, post.Blocks);
    }

    [Theory]
    [InlineData(SlackFixtures.AppMentionFromABot)]
    [InlineData(SlackFixtures.ChannelBotMessage)]
    [InlineData(SlackFixtures.EditedDirectMessage)]
    public async Task BotsEditsAndSubtypesAreAcknowledgedButNotAnswered(string fixture)
    {
        var envelope = SlackFixtures.Envelope(fixture, "EvIgnored" + Guid.NewGuid().ToString("n")[..6]);
        string channel = envelope["event"]!["channel"]!.GetValue<string>();

        var response = await _bed.SendEventAsync(envelope);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bed.BarrierAsync();
        Assert.DoesNotContain(_bed.Slack.Calls, c => c.Channel == channel);
    }

    [Fact]
    public async Task TheBotsOwnMessageIsNotAnswered()
    {
        var envelope = SlackFixtures.Envelope(SlackFixtures.AppMentionWithAuthorizations);
        envelope["event"]!["user"] = envelope["authorizations"]![0]!["user_id"]!.GetValue<string>();

        await _bed.SendEventAsync(envelope);

        await _bed.BarrierAsync();
        Assert.DoesNotContain(_bed.Slack.Calls, c => c.Channel == "C111");
    }

    [Fact]
    public async Task AMentionFromAPersonInAnEnterpriseInstallIsAnswered()
    {
        var response = await _bed.SendEventAsync(SlackFixtures.Envelope(SlackFixtures.AppMentionWithAuthorizations));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await _bed.Slack.WaitForPostAsync("C111");
        Assert.Equal("1605835902.008000", post.ThreadTs);
    }

    [Fact]
    public async Task ARetriedDeliveryOfTheSameEventIsAnsweredOnce()
    {
        var envelope = SlackFixtures.DirectMessageIn("DRETRY", SlackFixtures.SeedQuestion, "EvRetry1");

        Assert.Equal(HttpStatusCode.OK, (await _bed.SendEventAsync(envelope)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bed.SendEventAsync(envelope, retryNum: 1)).StatusCode);
        await _bed.Slack.WaitForPostAsync("DRETRY");
        Assert.Equal(HttpStatusCode.OK, (await _bed.SendEventAsync(envelope, retryNum: 2)).StatusCode);

        await _bed.BarrierAsync();
        Assert.Single(_bed.Slack.Calls, c => c.Channel == "DRETRY");
    }

    [Fact]
    public async Task OneMessageDeliveredAsAMentionAndAsADirectMessageIsAnsweredOnce()
    {
        var direct = SlackFixtures.DirectMessageIn("DTWICE", "<@U123> " + SlackFixtures.SeedQuestion, "EvTwiceIm");
        var mention = SlackFixtures.Envelope(SlackFixtures.AppMention, "EvTwiceMention");
        mention["event"]!["channel"] = "DTWICE";
        mention["event"]!["ts"] = direct["event"]!["ts"]!.GetValue<string>();

        await _bed.SendEventAsync(direct);
        await _bed.SendEventAsync(mention);

        await _bed.Slack.WaitForPostAsync("DTWICE");
        await _bed.BarrierAsync();
        Assert.Single(_bed.Slack.Calls, c => c.Channel == "DTWICE");
    }

    [Fact]
    public async Task A429FromSlackIsRetriedAfterItsRetryAfter()
    {
        _bed.Slack.RateLimitNext(1, retryAfterSeconds: 1);

        await _bed.SendEventAsync(SlackFixtures.DirectMessageIn("DLIMITED", SlackFixtures.SeedQuestion, "EvLimited"));

        var delivered = await _bed.Slack.WaitForPostAsync("DLIMITED");
        var attempts = _bed.Slack.Calls.Where(c => c.Channel == "DLIMITED").ToList();
        Assert.Equal([429, 200], attempts.Select(c => c.Status));
        Assert.True(delivered.At - attempts[0].At >= TimeSpan.FromSeconds(0.9), "The retry came before Retry-After had passed.");
        Assert.Contains(SlackFixtures.SeedQuoteFragment, delivered.Blocks);
    }

    [Fact]
    public async Task APostAnsweredWithAServerErrorIsLookedForThenPostedAgainOnce()
    {
        // A 5xx may or may not have posted: the thread is read before the post is repeated (here the read meets a 503 too).
        _bed.Slack.FailNext(2, 503);

        await _bed.SendEventAsync(SlackFixtures.DirectMessageIn("DFLAKY", SlackFixtures.SeedQuestion, "EvFlaky"));

        await _bed.Slack.WaitForPostAsync("DFLAKY");
        Assert.Equal(
            [("chat.postMessage", 503), ("conversations.replies", 503), ("conversations.replies", 200), ("chat.postMessage", 200)],
            _bed.Slack.Calls.Where(c => c.Channel == "DFLAKY").Select(c => (c.Method, c.Status)));
        Assert.Single(_bed.Slack.MessagesIn("DFLAKY"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\": \"url_verification\"}")]
    [InlineData("[1, 2]")]
    public async Task AMalformedSignedBodyGets400(string body)
    {
        using var request = SlackFixtures.Signed("/slack/events", body, "application/json");

        var response = await _bed.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownEventTypesAreAcknowledged()
    {
        var envelope = new JsonObject { ["type"] = "app_rate_limited", ["team_id"] = "T123", ["minute_rate_limited"] = 1518467820 };

        var response = await _bed.SendEventAsync(envelope);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
