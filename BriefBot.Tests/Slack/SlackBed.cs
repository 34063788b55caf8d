using System.Net;
using System.Text.Json.Nodes;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Host;

namespace BriefBot.Tests.Slack;

/// <summary>The real host with the Slack channel on, pointed at a <see cref="FakeSlackApi"/> on loopback.</summary>
public sealed class SlackBed : IAsyncDisposable
{
    private SlackBed(FakeSlackApi slack, BriefBotHost host, HttpClient client)
    {
        Slack = slack;
        Host = host;
        Client = client;
    }

    public FakeSlackApi Slack { get; }

    public BriefBotHost Host { get; }

    public HttpClient Client { get; }

    /// <param name="stateFolder">Where the database and the index live, to keep them across hosts (a restart); fresh ones when null.</param>
    public static async Task<SlackBed> StartAsync(TempFolder? stateFolder = null, FakeSlackApi? slack = null)
    {
        slack ??= await FakeSlackApi.StartAsync();
        var settings = slack.Settings(SlackFixtures.SigningSecret);
        if (stateFolder is not null)
        {
            settings["Storage:Path"] = stateFolder.Combine("briefbot.db");
            settings["Search:IndexFolder"] = stateFolder.Combine("index");
        }

        var host = new BriefBotHost(settings);
        return new SlackBed(slack, host, await host.StartAsync());
    }

    public async Task<HttpResponseMessage> SendEventAsync(JsonObject envelope, int? retryNum = null)
    {
        using var request = SlackFixtures.SignedEvent(envelope, retryNum);
        return await Client.SendAsync(request);
    }

    /// <summary>
    /// Sends a fresh DM and waits for its answer. Refused and ignored requests are decided before their
    /// acknowledgement, so once this answer is in, anything they would have posted would be in too.
    /// </summary>
    public async Task BarrierAsync()
    {
        string channel = "DBARRIER" + Guid.NewGuid().ToString("n")[..8].ToUpperInvariant();
        var response = await SendEventAsync(SlackFixtures.DirectMessageIn(channel, "help", "Ev" + channel));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Slack.WaitForPostAsync(channel);
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
