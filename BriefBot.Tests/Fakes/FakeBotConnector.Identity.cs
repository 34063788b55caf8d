using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BriefBot.Tests.Fakes;

/// <summary>The fake's identity side: signing keys, OpenID metadata, JWKS with endorsements, and the token endpoint.</summary>
public sealed partial class FakeBotConnector
{
    private static readonly string[] Endorsed = ["msteams", "webchat", "emulator", "directline"];

    private readonly Dictionary<SigningKey, RSA> _keys = Enum.GetValues<SigningKey>().ToDictionary(k => k, _ => RSA.Create(2048));
    private readonly ConcurrentQueue<string> _tokenTenants = new();
    private volatile bool _latePublished;

    /// <summary>The tenant in the path of each token request (botframework.com for multi-tenant bots).</summary>
    public IReadOnlyList<string> TokenTenants => [.. _tokenTenants];

    /// <summary>Puts the <see cref="SigningKey.Late"/> key into the JWKS, as a channel rolling its keys would.</summary>
    public void PublishLateKey() => _latePublished = true;

    /// <summary>A channel token as the Bot Framework would sign it, or a forged one as <paramref name="spec"/> says.</summary>
    public string Token(ChannelTokenSpec? spec = null)
    {
        spec ??= new ChannelTokenSpec();
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(spec.Claims);
        if (spec.ServiceUrl != "")
        {
            claims["serviceurl"] = spec.ServiceUrl ?? ServiceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience ?? AppId,
            IssuedAt = now + spec.NotBefore,
            NotBefore = now + spec.NotBefore,
            Expires = now + spec.Expires,
            Claims = claims,
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        switch (spec.Algorithm)
        {
            case "none":
                return handler.CreateToken(JsonSerializer.Serialize(Payload(descriptor, claims)));
            case "HS256":
                descriptor.SigningCredentials = new SigningCredentials(
                    new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = KeyId(SigningKey.Endorsed) }, SecurityAlgorithms.HmacSha256);
                return handler.CreateToken(descriptor);
            default:
                string kid = KeyId(spec.Key == SigningKey.Impostor ? SigningKey.Endorsed : spec.Key);
                descriptor.SigningCredentials = new SigningCredentials(new RsaSecurityKey(_keys[spec.Key]) { KeyId = kid }, spec.Algorithm);
                return handler.CreateToken(descriptor);
        }
    }

    /// <summary>Posts an activity to the bot as the channel would: serviceUrl set to this fake, signed with a valid token.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpClient bot, System.Text.Json.Nodes.JsonObject activity, string? token = null)
    {
        activity["serviceUrl"] = ServiceUrl;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (token ?? Token()));
        return bot.SendAsync(request);
    }

    private static string KeyId(SigningKey key) => $"fake-{key.ToString().ToLowerInvariant()}";

    private static Dictionary<string, object> Payload(SecurityTokenDescriptor d, Dictionary<string, object> claims) => new(claims)
    {
        ["iss"] = d.Issuer,
        ["aud"] = d.Audience,
        ["nbf"] = new DateTimeOffset(d.NotBefore!.Value).ToUnixTimeSeconds(),
        ["exp"] = new DateTimeOffset(d.Expires!.Value).ToUnixTimeSeconds(),
    };

    private void MapIdentity(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = ChannelIssuer,
            authorization_endpoint = Url + "/v1/authorize",
            jwks_uri = Url + "/v1/.well-known/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));
        app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = "https://login.microsoftonline.com/{tenantid}/v2.0",
            authorization_endpoint = Url + "/common/oauth2/v2.0/authorize",
            jwks_uri = Url + "/v1/.well-known/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _keyDownloads);
            return Results.Json(new { keys = PublishedKeys().ToArray() });
        });

        // The Entra side, reached by MSAL through LoginRedirect: instance discovery and client credentials.
        app.MapGet("/common/discovery/instance", () => Results.Json(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new { preferred_network = "login.microsoftonline.com", preferred_cache = "login.windows.net", aliases = new[] { "login.microsoftonline.com", "login.windows.net", "login.microsoft.com" } } },
        }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request, string tenant) =>
        {
            _tokenTenants.Enqueue(tenant);
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != AppId || form["scope"] != "https://api.botframework.com/.default")
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            int n = Interlocked.Increment(ref _tokensIssued);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"fake-connector-token-{n}" });
        });
    }

    private IEnumerable<Dictionary<string, object>> PublishedKeys()
    {
        yield return Jwk(SigningKey.Endorsed, Endorsed);
        yield return Jwk(SigningKey.OtherChannel, ["slack"]);
        yield return Jwk(SigningKey.NoEndorsements, null);
        if (_latePublished)
        {
            yield return Jwk(SigningKey.Late, Endorsed);
        }
    }

    private Dictionary<string, object> Jwk(SigningKey key, string[]? endorsements)
    {
        var parameters = _keys[key].ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId(key),
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }
}
