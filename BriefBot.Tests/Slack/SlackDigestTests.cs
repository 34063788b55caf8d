using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Tests.Fakes;

namespace BriefBot.Tests.Slack;

/// <summary>Daily digests in Slack, end to end: signed requests in, the schedule on a fake clock, posts to the fake Slack.</summary>
public sealed class SlackDigestTests : IAsyncLifetime
{
    private const string Policy =
        "The travel policy changes on 1 July. Employees must book every flight through the company travel desk from then on. " +
        "Trains are preferred for any journey shorter than four hours, whatever the price difference. " +
        "Receipts for hotels are uploaded within ten days of the return, or the costs are not refunded.";

    private SlackDigestBed _bed = null!;
    private int _events;

    public async Task InitializeAsync() => _bed = await SlackDigestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ASubscribedChannelGetsOneDigestAtTheDueTimeWithTheNewDocumentsQuoteAndCitation()
    {
        var ack = await _bed.Bed.SendCommandAsync("digest on 08:00 Europe/Berlin", _bed.Slack.NewResponseUrl(), "CDIGEST");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains("Daily digest on: every day at 08:00 (Europe/Berlin), next on Wed 10 Jun", await AckTextAsync(ack));
        _bed.Publish(("travel-policy.txt", Policy));

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.Digests("CDIGEST").Count > 0);
        Assert.True(_bed.Clock.GetUtcNow() >= SlackDigestBed.DueTime);
        await _bed.PollAgainAsync();

        var digest = Assert.Single(_bed.Digests("CDIGEST"));
        Assert.Equal("Bearer " + FakeSlackApi.BotToken, digest.Authorization);
        var texts = BlockTexts(digest);
        Assert.Equal("Daily digest for Wednesday 10 June 2026", texts[0]);
        var quotes = texts.SelectMany(t => t.Split('\n')).Where(line => line.StartsWith('>')).Select(line => line[1..]).ToList();
        Assert.InRange(quotes.Count, 1, 3);
        Assert.All(quotes, quote => Assert.Contains(quote, Policy));
        Assert.Contains(texts, t => t.StartsWith("Source: `travel-policy.txt`, passage", StringComparison.Ordinal));
        Assert.Contains(quotes[0], digest.Text);
        Assert.Contains("travel-policy.txt", digest.Text);
        Assert.DoesNotContain("welcome.md", digest.Text);
    }

    [Fact]
    public async Task DigestOffStopsTheDigestWhileAConversationStillSubscribedGetsIt()
    {
        await SendEventAsync("app_mention", "CSTOPPED", "<@U0LAN0Z89> digest on 08:00 Europe/Berlin");
        await SendEventAsync("message", "DSTILL", "digest on 08:00 Europe/Berlin");
        Assert.Contains("Daily digest on", (await _bed.Slack.WaitForPostAsync("CSTOPPED")).Text);
        Assert.Contains("Daily digest on", (await _bed.Slack.WaitForPostAsync("DSTILL")).Text);

        var ack = await _bed.Bed.SendCommandAsync("digest off", _bed.Slack.NewResponseUrl(), "CSTOPPED");
        Assert.Equal("Daily digest off for this conversation.", await AckTextAsync(ack));
        _bed.Publish(("travel-policy.txt", Policy));

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.Digests("DSTILL").Count > 0);
        await _bed.PollAgainAsync();

        Assert.Contains("travel-policy.txt", Assert.Single(_bed.Digests("DSTILL")).Text);
        Assert.Empty(_bed.Digests("CSTOPPED"));
    }

    [Fact]
    public async Task ADigestSlackRefusesIsTriedOnceMoreAtTheNextPoll()
    {
        await _bed.Bed.SendCommandAsync("digest on 08:00 Europe/Berlin", _bed.Slack.NewResponseUrl(), "CREFUSED");
        _bed.Publish(("travel-policy.txt", Policy));
        _bed.Slack.FailNext(1, 403);

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.Digests("CREFUSED").Count > 0);
        await _bed.PollAgainAsync();

        Assert.Equal([403, 200], _bed.Slack.Calls.Where(c => c.Channel == "CREFUSED").Select(c => c.Status));
        Assert.Contains("travel-policy.txt", Assert.Single(_bed.Digests("CREFUSED")).Text);
    }

    [Fact]
    public async Task AQuietDayGetsOneLineAndTheNextDigestListsTheQuestionsAskedHereWithoutAnAnswer()
    {
        await _bed.Bed.SendCommandAsync("digest on 08:00 Europe/Berlin", _bed.Slack.NewResponseUrl(), "CASKED");
        await SendEventAsync("app_mention", "CASKED", "<@U0LAN0Z89> Which moon of Jupiter has the deepest ocean?");
        await _bed.Slack.WaitForPostAsync("CASKED");

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.Digests("CASKED").Count == 1);
        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.Digests("CASKED").Count == 2, days: 1);

        var (quiet, next) = (_bed.Digests("CASKED")[0], _bed.Digests("CASKED")[1]);
        Assert.Equal("Nothing new in the sources since the last digest.", quiet.Text);
        Assert.Contains(BlockTexts(next), t => t == "*Asked yesterday:* 1 question, 1 without an answer\n• Which moon of Jupiter has the deepest ocean?");
    }

    [Fact]
    public async Task DigestNowAnswersAtOnceInTheThreadAndToTheSlashCommand()
    {
        _bed.Publish(("travel-policy.txt", Policy));

        string ts = await SendEventAsync("message", "DNOW", "digest now");
        var inThread = await _bed.Slack.WaitForPostAsync("DNOW");
        var responseUrl = _bed.Slack.NewResponseUrl();
        var ack = await _bed.Bed.SendCommandAsync("digest now", responseUrl, "CNOW");
        var toCommand = await _bed.Slack.WaitForAsync(c => c.Path == responseUrl.AbsolutePath);

        Assert.Equal(ts, inThread.ThreadTs);
        Assert.StartsWith("Searching", await AckTextAsync(ack));
        Assert.Equal("in_channel", toCommand.Body["response_type"]!.GetValue<string>());
        foreach (var reply in new[] { inThread, toCommand })
        {
            Assert.Equal("Daily digest for Wednesday 10 June 2026", BlockTexts(reply)[0]);
            Assert.Contains(BlockTexts(reply), t => t.StartsWith("Source: `travel-policy.txt`", StringComparison.Ordinal));
        }

        Assert.True(_bed.Clock.GetUtcNow() < SlackDigestBed.DueTime);
    }

    [Fact]
    public async Task HelpInSlackListsTheDigestCommands()
    {
        var ack = await _bed.Bed.SendCommandAsync("help", _bed.Slack.NewResponseUrl());

        var body = await ack.Content.ReadFromJsonAsync<JsonObject>();
        string help = BlockTexts(body!["blocks"]!.AsArray())[0];
        Assert.Contains("`digest on [HH:MM] [Time/Zone] [quiet]`", help);
        Assert.Contains("`digest off`", help);
        Assert.Contains("`digest now`", help);
    }

    /// <summary>A person's mention or DM, signed at the fake clock's time; returns the message's ts.</summary>
    private async Task<string> SendEventAsync(string type, string channel, string text)
    {
        var envelope = SlackFixtures.Envelope(SlackFixtures.AppMention, $"EvDigest{++_events}");
        string ts = $"1781071200.{_events:D6}";
        envelope["event"] = new JsonObject
        {
            ["type"] = type, ["channel"] = channel, ["channel_type"] = type == "message" ? "im" : "channel",
            ["user"] = "U2147483697", ["text"] = text, ["ts"] = ts,
        };
        var response = await _bed.Bed.SendEventAsync(envelope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ts;
    }

    private static async Task<string> AckTextAsync(HttpResponseMessage ack)
    {
        var body = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        return body.GetProperty("text").GetString()!;
    }

    internal static List<string> BlockTexts(SlackCall call) => BlockTexts(call.Body["blocks"]!.AsArray());

    internal static List<string> BlockTexts(JsonArray blocks) =>
    [
        .. blocks.Select(b => b!["type"]!.GetValue<string>() == "context"
            ? b["elements"]![0]!["text"]!.GetValue<string>()
            : b["text"]!["text"]!.GetValue<string>()),
    ];
}
