using System.Net;
using System.Text.Json.Nodes;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace BriefBot.Tests.Slack;

/// <summary>The real host with the Slack channel on, pointed at a <see cref="FakeSlackApi"/> on loopback.</summary>
public sealed class SlackBed : IAsyncDisposable
{
    private SlackBed(FakeSlackApi slack, BriefBotHost host, HttpClient client, TimeProvider clock)
    {
        Slack = slack;
        Host = host;
        Client = client;
        Clock = clock;
    }

    public FakeSlackApi Slack { get; }

    public BriefBotHost Host { get; }

    public HttpClient Client { get; }

    /// <summary>The host's clock; requests are signed at its time.</summary>
    public TimeProvider Clock { get; }

    /// <param name="stateFolder">Where the database and the index live, to keep them across hosts (a restart); fresh ones when null.</param>
    /// <param name="clock">The host's clock (a fake one to drive the digest schedule); the system clock when null.</param>
    /// <param name="sources">The sources folder; the seed corpus when null.</param>
    /// <param name="settings">More settings for the host.</param>
    public static async Task<SlackBed> StartAsync(
        TempFolder? stateFolder = null, FakeSlackApi? slack = null, TimeProvider? clock = null, string? sources = null,
        IDictionary<string, string?>? settings = null)
    {
        slack ??= await FakeSlackApi.StartAsync();
        var all = slack.Settings(SlackFixtures.SigningSecret);
        if (stateFolder is not null)
        {
            all["Storage:Path"] = stateFolder.Combine("briefbot.db");
            all["Search:IndexFolder"] = stateFolder.Combine("index");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new BriefBotHost(all, sources, clock is null ? null : services => services.AddSingleton(clock));
        return new SlackBed(slack, host, await host.StartAsync(), clock ?? TimeProvider.System);
    }

    public async Task<HttpResponseMessage> SendEventAsync(JsonObject envelope, int? retryNum = null)
    {
        using var request = SlackFixtures.SignedEvent(envelope, retryNum, Clock.GetUtcNow());
        return await Client.SendAsync(request);
    }

    /// <summary>Sends <c>/brief {text}</c> from <paramref name="channel"/>, signed (at <paramref name="at"/>, else now), as Slack does.</summary>
    public Task<HttpResponseMessage> SendCommandAsync(string text, Uri responseUrl, string channel = "C0LAN2Q65", DateTimeOffset? at = null) =>
        SendCommandFormAsync(SlackFixtures.SlashCommand(text, channel, responseUrl), at);

    /// <summary>Sends a slash command's form, signed (at <paramref name="at"/>, else now): the same form twice is a replay.</summary>
    public async Task<HttpResponseMessage> SendCommandFormAsync(string form, DateTimeOffset? at = null)
    {
        using var request = SlackFixtures.Signed("/slack/commands", form, "application/x-www-form-urlencoded", at: at ?? Clock.GetUtcNow());
        return await Client.SendAsync(request);
    }

    /// <summary>
    /// Sends a fresh DM and waits for its answer. Refused and ignored requests are decided before their
    /// acknowledgement, so once this answer is in, anything they would have posted would be in too. In
    /// <paramref name="channel"/> (answered in order) it also waits for everything queued there before it.
    /// </summary>
    public async Task BarrierAsync(string? channel = null)
    {
        channel ??= "DBARRIER" + Guid.NewGuid().ToString("n")[..8].ToUpperInvariant();
        var barrier = SlackFixtures.DirectMessageIn(channel, "help", "EvBarrier" + Guid.NewGuid().ToString("n"));
        barrier["event"]!["ts"] = $"{Clock.GetUtcNow().ToUnixTimeSeconds()}.{Random.Shared.Next(1_000_000):D6}";
        var response = await SendEventAsync(barrier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Status == 200 && c.Channel == channel && c.ThreadTs == barrier["event"]!["ts"]!.GetValue<string>());
    }

    /// <summary>Stops the host but keeps the fake Slack running (for restarts); <see cref="DisposeAsync"/> stops both.</summary>
    public async Task StopHostAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Slack.DisposeAsync();
    }
}
