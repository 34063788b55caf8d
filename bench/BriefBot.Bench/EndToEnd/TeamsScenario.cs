using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BriefBot.Channels.BotFramework;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BriefBot.Bench.EndToEnd;

/// <summary>
/// Teams: personal-chat messages to <c>/api/messages</c> with a channel token signed by a fake Bot Connector (OpenID
/// metadata, JWKS with endorsements, Entra token endpoint); replies arrive as <c>ReplyToActivity</c> at the fake's v3
/// routes. Each turn's conversation id is its key.
/// </summary>
internal sealed class TeamsScenario : IChannelScenario
{
    private const string AppId = "6a1f4d3e-bench-4c1b-9f7e-000000000001";
    private const string Issuer = "https://api.botframework.com";
    private const string KeyId = "bench-key";

    private static readonly Activity FloorReply = new() { Type = ActivityTypes.Message, Text = "The floor's constant reply." };

    private readonly ReplySink _sink;
    private readonly RSA _key;
    private readonly string _token;
    private long _activities;

    private TeamsScenario(ReplySink sink, RSA key)
    {
        _sink = sink;
        _key = key;
        _token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public string Name => "Teams";

    public string ProductRoute => "/api/messages";

    public string FloorRoute => "/bench/floor/api/messages";

    /// <summary>The fake Connector's service URL, which the channel token vouches for.</summary>
    public string ServiceUrl => _sink.BaseUrl + "amer/";

    /// <summary>A valid channel token (issuer, audience, endorsed key, serviceurl claim) for requests of one's own.</summary>
    public string Token => _token;

    public IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "bench-connector-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["ToBotFromChannelOpenIdMetadataUrl"] = _sink.BaseUrl + "v1/.well-known/openidconfiguration",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = _sink.BaseUrl + "v1/.well-known/openidconfiguration",
    };

    public long UnexpectedReplies => _sink.Unexpected;

    public static async Task<TeamsScenario> StartAsync()
    {
        var key = RSA.Create(2048);
        var sink = await ReplySink.StartAsync((app, sink) => TeamsConnectorRoutes.Map(app, sink, key, KeyId, Issuer, AppId));
        return new TeamsScenario(sink, key);
    }

    /// <summary>MSAL's calls to the login host go to the fake, as a redirect of the transport (MSAL insists on https).</summary>
    public void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IMsalHttpClientFactory>(new LoginRedirect(_sink.BaseUrl));

    public async Task<Turn> SendAsync(HttpClient client, string route, string conversation, string question, CancellationToken cancellationToken)
    {
        long n = Interlocked.Increment(ref _activities);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"bench-{n}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:bench-user", ["name"] = "Bench" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "BriefBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal" },
            ["text"] = question,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        var reply = _sink.Expect(conversation);
        using var response = await client.SendAsync(request, cancellationToken);
        return new Turn(conversation, (int)response.StatusCode, reply);
    }

    public void Forget(Turn turn) => _sink.Forget(turn.Key);

    public async Task HandleFloorAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var identity = await services.GetRequiredService<ChannelTokenValidator>().AuthenticateAsync(http.Request.Headers.Authorization, http.RequestAborted);
        var (activity, error) = identity is null ? (null, null) : await ActivityReader.ReadAsync(http.Request, http.RequestAborted);
        if (identity is null || activity?.ServiceUrl is null || activity.Conversation is null || activity.Id is null || error is not null
            || identity.Mismatch(activity) is not null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        services.GetRequiredService<TrustedServiceUrls>().Trust(activity.ServiceUrl);
        await services.GetRequiredService<ConnectorClient>().ReplyToActivityAsync(
            activity.ServiceUrl, activity.Conversation.Id, activity.Id, FloorReply, http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync();
        _key.Dispose();
    }
}
