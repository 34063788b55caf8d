using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BriefBot.Tests.BotFramework;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Slack;

namespace BriefBot.Tests.Host;

/// <summary>
/// The real host with every route on: Teams with authentication (a fake Connector), Slack (a fake Slack API) and the
/// playground's Direct Line, in the environment given; with the means to sign requests for each of them.
/// </summary>
public sealed class AllChannelsBot : IAsyncDisposable
{
    private AllChannelsBot(TeamsBot teams, FakeSlackApi slack)
    {
        Teams = teams;
        Slack = slack;
    }

    public TeamsBot Teams { get; }

    public FakeSlackApi Slack { get; }

    public HttpClient Client => Teams.Client;

    /// <summary>A playground conversation started at start-up, and its token.</summary>
    public (string Id, string Token) DirectLine { get; private set; }

    public static async Task<AllChannelsBot> StartAsync(string environment, string? sources = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var teams = await TeamsBot.StartAsync(s =>
        {
            foreach (var (key, value) in slack.Settings(SlackFixtures.SigningSecret))
            {
                s[key] = value;
            }

            s["Playground:Enabled"] = "true";
        }, environment, sources: sources);
        var bot = new AllChannelsBot(teams, slack);
        var started = await teams.Client.PostAsync("/v3/directline/conversations", null);
        var body = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        bot.DirectLine = (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
        return bot;
    }

    /// <summary>A POST of exactly these bytes to a route ("directline" is the playground conversation's activities), signed as <paramref name="sign"/> says.</summary>
    public HttpRequestMessage Request(string route, string sign, string contentType, byte[] body)
    {
        string path = route == "directline" ? $"/v3/directline/conversations/{DirectLine.Id}/activities" : route;
        var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };

        // A large body waits for "100 Continue": the bot refuses it from the headers, and the refusal must not race the upload.
        request.Headers.ExpectContinue = body.Length > 64 * 1024;
        switch (sign)
        {
            case "teams":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Teams.Connector.Token());
                break;
            case "directline":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLine.Token);
                break;
            case "slack":
                string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
                request.Headers.Add("X-Slack-Signature", SlackSignature(timestamp, body));
                break;
        }

        return request;
    }

    /// <summary>Slack's v0 signature over raw bytes (which need not be UTF-8).</summary>
    public static string SlackSignature(string timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(SlackFixtures.SigningSecret));
        return "v0=" + Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.ASCII.GetBytes($"v0:{timestamp}:"), .. body]));
    }

    public async ValueTask DisposeAsync()
    {
        await Teams.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
