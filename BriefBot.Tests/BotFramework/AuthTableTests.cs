using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Tests.Fakes;

namespace BriefBot.Tests.BotFramework;

/// <summary>
/// The auth table (TestData/BotFramework/auth-table.json): which tokens /api/messages takes in which environment, and
/// whether the reply goes out with the bot's Connector token, without it, or not at all.
/// </summary>
public sealed class AuthTableTests(AuthHosts hosts) : IClassFixture<AuthHosts>
{
    private const string ForeignTenant = "9a2b1c3d-4e5f-4061-8a7b-0c1d2e3f4a5b";

    public static TheoryData<string> Names => new(Cases().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task EachRowOfTheAuthTableHolds(string name)
    {
        var row = Cases().Single(c => c.GetProperty("name").GetString() == name);
        var (bot, remote) = await hosts.GetAsync(row.GetProperty("host").GetString()!);
        bot.Connector.ClearRequests();
        remote.Clear();
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = "help";
        var settings = row.GetProperty("activity");
        string serviceUrl = ServiceUrl(bot, settings.GetProperty("serviceUrl").GetString()!);
        activity["serviceUrl"] = serviceUrl;
        if (settings.TryGetProperty("channelId", out var channelId) && channelId.ValueKind == JsonValueKind.Null)
        {
            activity.Remove("channelId");
        }
        else if (channelId.ValueKind == JsonValueKind.String)
        {
            activity["channelId"] = channelId.GetString();
        }

        var response = await PostAsync(bot, activity, Token(bot, row.GetProperty("token")));

        Assert.Equal((HttpStatusCode)row.GetProperty("status").GetInt32(), response.StatusCode);
        string reply = row.GetProperty("reply").GetString()!;
        if (reply == "none")
        {
            // A genuine message afterwards is answered; by then anything the refused one caused would have been sent too.
            await AnswerSentinelAsync(bot, row.GetProperty("token").ValueKind == JsonValueKind.Null);
            Assert.Single(bot.Connector.Requests);
            Assert.Empty(remote.Requests);
            return;
        }

        string? authorization = serviceUrl.Contains(".example", StringComparison.Ordinal)
            ? (await remote.WaitForAsync()).Authorization
            : (await bot.Connector.WaitForLandedAsync("message")).Single().Authorization;
        if (reply == "withToken")
        {
            Assert.StartsWith("Bearer fake-connector-token-", authorization);
        }
        else
        {
            Assert.Null(authorization);
        }
    }

    [Fact]
    public void TheTableHasTheRefusalsTheIssueNames()
    {
        var refused = Cases().Where(c => c.GetProperty("status").GetInt32() == 401).Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Contains(refused, n => n.Contains("Production", StringComparison.Ordinal));
        Assert.Contains(refused, n => n.Contains("foreign tenant", StringComparison.Ordinal));
        Assert.Contains(refused, n => n.Contains("Graph", StringComparison.Ordinal));
        Assert.Contains(refused, n => n.Contains("channelId", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonElement> Cases() =>
        JsonDocument.Parse(File.ReadAllText(TestData.PathOf("BotFramework/auth-table.json"))).RootElement.GetProperty("cases").EnumerateArray();

    private static string ServiceUrl(TeamsBot bot, string kind) => kind switch
    {
        "fake" => bot.Connector.ServiceUrl,
        "emulator" => bot.Connector.EmulatorServiceUrl,
        "remote" => RemoteConnectors.ServiceUrl(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "fake, emulator or remote"),
    };

    private static string? Token(TeamsBot bot, JsonElement token)
    {
        if (token.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string Text(string property, string fallback) =>
            (token.TryGetProperty(property, out var value) ? value.GetString()! : fallback)
                .Replace("{appId}", bot.Connector.AppId, StringComparison.Ordinal)
                .Replace("{tenant}", AuthHosts.Tenant, StringComparison.Ordinal)
                .Replace("{foreignTenant}", ForeignTenant, StringComparison.Ordinal);

        var key = Enum.Parse<SigningKey>(Text("key", nameof(SigningKey.Endorsed)));
        if (token.GetProperty("kind").GetString() == "channel")
        {
            return bot.Connector.Token(new ChannelTokenSpec { Key = key, ServiceUrl = ServiceUrl(bot, Text("serviceUrlClaim", "fake")) });
        }

        string version = Text("version", "1.0");
        var claims = new Dictionary<string, object> { ["ver"] = version, [version == "2.0" ? "azp" : "appid"] = Text("appId", "{appId}") };
        if (token.TryGetProperty("tid", out _))
        {
            claims["tid"] = Text("tid", "");
        }

        return bot.Connector.Token(new ChannelTokenSpec { Issuer = Text("issuer", ""), Audience = Text("audience", "{appId}"), Claims = claims, ServiceUrl = "", Key = key });
    }

    private static Task<HttpResponseMessage> PostAsync(TeamsBot bot, JsonObject activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return bot.Client.SendAsync(request);
    }

    private static async Task AnswerSentinelAsync(TeamsBot bot, bool anonymous)
    {
        var sentinel = TeamsBot.Fixture("personal_message");
        sentinel["text"] = "help";
        sentinel["serviceUrl"] = bot.Connector.ServiceUrl;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, sentinel, anonymous ? null : bot.Connector.Token())).StatusCode);
        await bot.Connector.WaitForLandedAsync("message");
    }
}
