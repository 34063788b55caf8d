using System.Security.Cryptography;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Tokens;

namespace BriefBot.Bench.EndToEnd;

/// <summary>What the fake Bot Connector serves for the Teams scenario: identity (metadata, keys, tokens) and the v3 replies.</summary>
internal static class TeamsConnectorRoutes
{
    public static void Map(WebApplication app, ReplySink sink, RSA key, string keyId, string issuer, string appId)
    {
        var parameters = key.ExportParameters(false);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest r) => Results.Json(new
        {
            issuer,
            jwks_uri = $"{r.Scheme}://{r.Host}/v1/.well-known/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = keyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent), endorsements = new[] { "msteams" } },
            },
        }));
        app.MapGet("/common/discovery/instance", () => Results.Json(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new { preferred_network = "login.microsoftonline.com", preferred_cache = "login.windows.net", aliases = new[] { "login.microsoftonline.com" } } },
        }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return form["client_id"] == appId
                ? Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "bench-connector-token" })
                : Results.Json(new { error = "invalid_client" }, statusCode: 400);
        });
        app.MapPost("/amer/v3/conversations/{conversationId}/activities", () => Results.Json(new { id = "typing" }));
        app.MapPost("/amer/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId) =>
        {
            sink.Arrived(conversationId);
            return Results.Json(new { id = "reply" });
        });
    }
}

/// <summary>Sends MSAL's requests for the real (https) login host to the fake on loopback instead.</summary>
internal sealed class LoginRedirect(Uri target) : IMsalHttpClientFactory
{
    private readonly HttpClient _client = new(new Redirect(target));

    public HttpClient GetHttpClient() => _client;

    private sealed class Redirect(Uri target) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
