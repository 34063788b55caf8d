using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BriefBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefBot.Tests.Slack;

/// <summary>Slack's documented signing example, sent over HTTP to the real host whose clock is frozen at the example's time.</summary>
public sealed class SlackSigningExampleTests
{
    private static readonly SigningExample Example = SigningExample.Documented;

    [Fact]
    public async Task TheDocumentedSlashCommandIsAcceptedAtItsTimeAndRefusedFiveMinutesAndOneSecondLater()
    {
        var clock = new FakeTimeProvider(Example.SignedAt);
        await using var host = new BriefBotHost(
            new Dictionary<string, string?>
            {
                ["Slack:SigningSecret"] = Example.Secret,
                ["Slack:BotToken"] = "xoxb-not-used",
            },
            services: services => services.AddSingleton<TimeProvider>(clock));
        using var client = await host.StartAsync();

        var accepted = await client.SendAsync(DocumentedRequest());
        clock.Advance(TimeSpan.FromSeconds(301));
        var stale = await client.SendAsync(DocumentedRequest());

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var reply = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("What I can do", reply.GetProperty("blocks").GetRawText());
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    /// <summary>The example's body (an empty <c>/webhook-collect</c> command, so help) and headers, byte for byte.</summary>
    private static HttpRequestMessage DocumentedRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(Example.Body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", Example.Timestamp);
        request.Headers.Add("X-Slack-Signature", Example.Signature);
        return request;
    }
}
