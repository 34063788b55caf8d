using System.Net;

namespace BriefBot.Tests.BotFramework;

/// <summary>The Connector failing: retried on 429 (after Retry-After), 412 and 502/503/504, and on nothing else.</summary>
public sealed class ConnectorFaultTests : IAsyncLifetime
{
    private TeamsBot _bot = null!;

    // Typing before every answer (no delay): these tests follow the typing activity, then the answer.
    public async Task InitializeAsync() => _bot = await TeamsBot.StartAsync(s => s["Teams:TypingDelay"] = "00:00:00");

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ThrottledThenUnavailableThenOkLandsExactlyOneReply()
    {
        // The typing activity goes first and lands (held until the faults are set); then the reply meets 429, 503 and 200.
        _bot.Connector.Hold();
        await SendHelpAsync();
        await _bot.Connector.WaitForAsync(all => all.Count == 1);
        _bot.Connector.FailNext((429, "1"), (503, null));
        _bot.Connector.Release();

        var requests = await _bot.Connector.WaitForLandedAsync("message");

        var replies = requests.Where(r => r.ActivityType == "message").ToList();
        Assert.Equal([429, 503, 200], replies.Select(r => r.Status));
        Assert.Single(replies, r => r.Landed);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task OtherFailuresAreNotRetried(int status)
    {
        _bot.Connector.FailNext((status, null));
        await SendHelpAsync();

        // The typing activity fails once and is dropped; the reply still goes out, once.
        var requests = await _bot.Connector.WaitForLandedAsync("message");

        Assert.Equal([status, 200], requests.Select(r => r.Status));
        Assert.Equal(["typing", "message"], requests.Select(r => r.ActivityType));
    }

    private async Task SendHelpAsync()
    {
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = "help";
        Assert.Equal(HttpStatusCode.OK, (await _bot.SendAsync(activity)).StatusCode);
    }
}
