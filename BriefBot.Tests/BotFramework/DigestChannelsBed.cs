using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Search;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Host;
using BriefBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Identity.Client;

namespace BriefBot.Tests.BotFramework;

/// <summary>
/// One real host with BOTH channels on, a fake Bot Connector and a fake Slack Web API on loopback, a fake clock that
/// drives the digest schedule, and a sources folder of its own to publish into. Starts on 9 June 2026 at 05:00 UTC
/// and moves to 05:10 on the 10th, so the documents indexed at start are older than anything a digest covers.
/// </summary>
internal sealed class DigestChannelsBed : IAsyncDisposable
{
    /// <summary>10 June 2026, 06:00 UTC: 08:00 in Berlin.</summary>
    public static readonly DateTimeOffset DueTime = new(2026, 6, 10, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The Teams channel of the channel_thread_mention fixture.</summary>
    public const string TeamsChannel = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";

    private readonly TempFolder _sources;
    private int _activities;

    private DigestChannelsBed(FakeBotConnector connector, FakeSlackApi slack, BriefBotHost host, HttpClient client, FakeTimeProvider clock, TempFolder sources)
    {
        Connector = connector;
        Slack = slack;
        Host = host;
        Client = client;
        Clock = clock;
        _sources = sources;
    }

    public FakeBotConnector Connector { get; }

    public FakeSlackApi Slack { get; }

    public BriefBotHost Host { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<DigestChannelsBed> StartAsync(int maxDocuments = 10)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 9, 5, 0, 0, TimeSpan.Zero));
        var sources = new TempFolder();
        sources.Write("welcome.md", "# Welcome\n\nThe sources folder holds the handbook and the policies of the company.\n");
        var connector = await FakeBotConnector.StartAsync();
        var slack = await FakeSlackApi.StartAsync();
        var settings = connector.BotSettings();
        foreach (var (key, value) in slack.Settings(SlackFixtures.SigningSecret))
        {
            settings[key] = value;
        }

        settings["Digests:PollSeconds"] = "1";
        settings["Digests:MaxDocuments"] = maxDocuments.ToString(CultureInfo.InvariantCulture);
        var host = new BriefBotHost(settings, sources.Path, services =>
        {
            services.AddSingleton<IMsalHttpClientFactory>(new LoginRedirect(connector));
            services.AddSingleton<TimeProvider>(clock);
        });
        var client = await host.StartAsync();
        clock.SetUtcNow(DueTime.AddMinutes(-50));
        return new DigestChannelsBed(connector, slack, host, client, clock, sources);
    }

    /// <summary>
    /// Says <paramref name="text"/> to the bot in Teams, signed like Azure Bot Service: @mentioning it in a thread
    /// (<paramref name="thread"/>) of <see cref="TeamsChannel"/>, or in a personal chat when <paramref name="thread"/> is null;
    /// returns the bot's reply.
    /// </summary>
    public async Task<ConnectorRequest> SayInTeamsAsync(string text, string? thread = "1759881511856")
    {
        var activity = TeamsBot.Fixture(thread is null ? "personal_message" : "channel_thread_mention");
        string id = $"digest-{Interlocked.Increment(ref _activities)}";
        activity["id"] = id;
        activity["text"] = thread is null ? text : $"<at>ridotest</at> {text}";
        if (thread is not null)
        {
            activity["conversation"]!["id"] = $"{TeamsChannel};messageid={thread}";
        }

        var response = await Connector.SendAsync(Client, activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var requests = await Connector.WaitForAsync(all => all.Any(r => r.Operation == "reply" && r.ActivityId == id && r.Landed));
        return requests.Single(r => r.Operation == "reply" && r.ActivityId == id);
    }

    /// <summary>Sends <c>/brief {text}</c> from Slack <paramref name="channel"/>, signed at the clock's time.</summary>
    public async Task<HttpResponseMessage> SendSlackCommandAsync(string text, string channel)
    {
        using var request = SlackFixtures.Signed("/slack/commands", SlackFixtures.SlashCommand(text, channel, Slack.NewResponseUrl()),
            "application/x-www-form-urlencoded", at: Clock.GetUtcNow());
        return await Client.SendAsync(request);
    }

    /// <summary>New posts the bot started in <see cref="TeamsChannel"/>: digests.</summary>
    public IReadOnlyList<ConnectorRequest> TeamsChannelPosts() =>
        [.. Connector.Requests.Where(r => r.Operation == "create" && r.Landed
            && r.Body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString() == TeamsChannel)];

    /// <summary>New Slack messages (not thread replies) in <paramref name="channel"/>: digests.</summary>
    public IReadOnlyList<SlackCall> SlackDigests(string channel) => [.. Slack.Posts.Where(c => c.Channel == channel && c.ThreadTs is null)];

    /// <summary>Writes documents into the sources and indexes them at the clock's time, as a refresh would.</summary>
    public void Publish(params (string Name, string Text)[] documents)
    {
        foreach (var (name, text) in documents)
        {
            _sources.Write(name, text);
        }

        Host.Services.GetRequiredService<Knowledge>().Refresh();
    }

    /// <summary>Moves the clock on a second at a time (one digest poll) until <paramref name="done"/> holds.</summary>
    public Task AdvanceUntilAsync(Func<bool> done, int maxSeconds = 600) => Clock.AdvanceUntilAsync(
        done, () => "the Connector saw: " + string.Join(", ", Connector.Requests.Select(r => $"{r.Operation} {r.ActivityType} {r.Status}")), maxSeconds);

    /// <summary>Moves the clock to just before the due time, then on until <paramref name="done"/> holds.</summary>
    public Task AdvanceToDueTimeUntilAsync(Func<bool> done)
    {
        Clock.SetUtcNow(DueTime.AddSeconds(-2));
        return AdvanceUntilAsync(done);
    }

    /// <summary>Lets the schedule poll a few more times, to show that nothing else goes out.</summary>
    public Task PollAgainAsync(int times = 5)
    {
        int polls = 0;
        return AdvanceUntilAsync(() => polls++ == times);
    }

    /// <summary>The texts of a card's blocks, in order.</summary>
    public static List<string> CardTexts(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Select(CardText.Of)];

    /// <summary>The card of a new post (create) or a message (send, reply).</summary>
    public static JsonElement Card(ConnectorRequest request) =>
        (request.Operation == "create" ? request.Body.GetProperty("activity") : request.Body).GetProperty("attachments")[0].GetProperty("content");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Slack.DisposeAsync();
        _sources.Dispose();
    }
}
