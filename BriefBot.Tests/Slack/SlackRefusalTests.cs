using System.Net;
using System.Text;

namespace BriefBot.Tests.Slack;

/// <summary>Requests that are not signed by Slack, right now, over exactly this body get 401 and no answer.</summary>
public sealed class SlackRefusalTests : IAsyncLifetime
{
    private SlackBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SlackBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string route in new[] { "/slack/events", "/slack/commands", "/slack/interactions" })
        {
            foreach (string forgery in new[] { "tampered body", "wrong secret", "stale timestamp", "future timestamp", "no signature", "no timestamp", "no headers", "v1 signature" })
            {
                data.Add(route, forgery);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AForgedRequestIsRefusedWith401AndNothingIsAnswered(string route, string forgery)
    {
        string channel = "DFORGED" + Guid.NewGuid().ToString("n")[..8].ToUpperInvariant();
        (string body, string mediaType) = route switch
        {
            "/slack/events" => (SlackFixtures.DirectMessageIn(channel, SlackFixtures.SeedQuestion, "Ev" + channel).ToJsonString(), "application/json"),
            "/slack/commands" => (SlackFixtures.Form(("command", "/brief"), ("text", SlackFixtures.SeedQuestion), ("channel_id", channel),
                ("user_id", "U1"), ("response_url", _bed.Slack.NewResponseUrl().ToString())), "application/x-www-form-urlencoded"),
            _ => (SlackFixtures.Form(("payload", """{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"feedback_helpful","value":"1"}]}""")),
                "application/x-www-form-urlencoded"),
        };

        using var request = Forge(route, body, mediaType, forgery);
        var response = await _bed.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _bed.BarrierAsync();
        Assert.DoesNotContain(_bed.Slack.Calls, c => c.Channel == channel || c.Method == Fakes.FakeSlackApi.ResponseUrlMethod);
    }

    private static HttpRequestMessage Forge(string route, string body, string mediaType, string forgery)
    {
        var now = DateTimeOffset.UtcNow;
        var request = forgery switch
        {
            "wrong secret" => SlackFixtures.Signed(route, body, mediaType, secret: "not-the-signing-secret"),
            "stale timestamp" => SlackFixtures.Signed(route, body, mediaType, at: now.AddSeconds(-301)),
            // 302, not 301: the host reads its clock a little later, and across a second boundary 301 would be 300 there.
            "future timestamp" => SlackFixtures.Signed(route, body, mediaType, at: now.AddSeconds(302)),
            _ => SlackFixtures.Signed(route, body, mediaType),
        };

        switch (forgery)
        {
            case "tampered body":
                request.Content = new StringContent(body.Replace("U1", "U2", StringComparison.Ordinal).Replace("Ev", "Ew", StringComparison.Ordinal), Encoding.UTF8, mediaType);
                break;
            case "no signature":
                request.Headers.Remove("X-Slack-Signature");
                break;
            case "no timestamp":
                request.Headers.Remove("X-Slack-Request-Timestamp");
                break;
            case "no headers":
                request.Headers.Remove("X-Slack-Signature");
                request.Headers.Remove("X-Slack-Request-Timestamp");
                break;
            case "v1 signature":
                string v0 = request.Headers.GetValues("X-Slack-Signature").Single();
                request.Headers.Remove("X-Slack-Signature");
                request.Headers.Add("X-Slack-Signature", "v1=" + v0[3..]);
                break;
        }

        return request;
    }
}
