using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> JWT on <c>/api/messages</c> the way the Bot Framework does: keys from the
/// cloud's OpenID metadata (refreshed once on an unknown key), issuer, audience = MicrosoftAppId, lifetime with five
/// minutes of skew, RS256/384/512 only, and a signing key endorsed for the channel. Emulator (Entra) tokens are
/// accepted only where the Emulator can be (<see cref="BotFrameworkOptions.AllowEmulator"/>), checked against the
/// Emulator metadata, the fixed Emulator issuers and the bot's own audience.
/// </summary>
internal sealed class ChannelTokenValidator
{
    public const int MaxTokenLength = 16 * 1024;
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly BotFrameworkCloud _cloud;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _channelKeys;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _emulatorKeys;
    private readonly IReadOnlyList<string> _emulatorIssuers;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<ChannelTokenValidator> _logger;

    public ChannelTokenValidator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, ILogger<ChannelTokenValidator> logger)
    {
        _options = options.Value;
        _cloud = _options.Cloud;
        _logger = logger;
        _channelKeys = Keys(_cloud.ChannelOpenIdMetadataUrl, httpClients);
        _emulatorKeys = Keys(_cloud.EmulatorOpenIdMetadataUrl, httpClients);
        _emulatorIssuers = _cloud.EmulatorIssuers(_options);
    }

    /// <summary>The proven identity behind an Authorization header, or null when the header proves nothing.</summary>
    public async Task<ChannelIdentity?> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!_options.AuthenticationEnabled)
        {
            return ChannelIdentity.Nobody;
        }

        string? token = BearerToken(authorization);
        if (token is null || !_handler.CanReadToken(token))
        {
            _logger.LogWarning("Refused a request to /api/messages: no readable Bearer token");
            return null;
        }

        try
        {
            var unvalidated = new JsonWebToken(token);
            string? issuer = unvalidated.Issuer;
            if (string.Equals(issuer, _cloud.ChannelTokenIssuer, StringComparison.Ordinal))
            {
                return await ChannelAsync(token, cancellationToken);
            }

            if (_emulatorIssuers.Contains(issuer, StringComparer.Ordinal))
            {
                if (!_options.AllowEmulator)
                {
                    _logger.LogWarning("Refused a request to /api/messages: Emulator tokens are accepted only in Development or with BotFramework:AllowEmulator");
                    return null;
                }

                return await EmulatorAsync(token, cancellationToken);
            }

            _logger.LogWarning("Refused a request to /api/messages: unexpected token issuer {Issuer}", issuer?[..Math.Min(issuer.Length, 200)]);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            _logger.LogWarning("Refused a request to /api/messages: the token could not be parsed");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // The signing keys could not be downloaded: nothing can be proven, so nothing is let in.
            _logger.LogError(e, "Refused a request to /api/messages: the OpenID metadata could not be read");
            return null;
        }
    }

    private async Task<ChannelIdentity?> ChannelAsync(string token, CancellationToken cancellationToken)
    {
        var (result, configuration) = await ValidateAsync(_channelKeys, token, [_cloud.ChannelTokenIssuer], cancellationToken);
        if (result is null)
        {
            return null;
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var endorsements = Endorsements(configuration, jwt.Kid);
        if (endorsements is null)
        {
            _logger.LogWarning("Refused a request to /api/messages: signing key {KeyId} has no endorsements", jwt.Kid);
            return null;
        }

        string? serviceUrl = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            _logger.LogWarning("Refused a request to /api/messages: the token has no serviceurl claim");
            return null;
        }

        return new ChannelIdentity(IdentityKind.Channel, endorsements, serviceUrl);
    }

    private async Task<ChannelIdentity?> EmulatorAsync(string token, CancellationToken cancellationToken)
    {
        // The Emulator asks Entra for a token to the bot itself ("{app id}/.default"): its audience is the app id.
        var (result, _) = await ValidateAsync(_emulatorKeys, token, _emulatorIssuers, cancellationToken);
        if (result is null)
        {
            return null;
        }

        // Emulator tokens name the app in appid (v1 tokens) or azp (v2 tokens) rather than in aud.
        var claims = result.ClaimsIdentity;
        string? appId = claims.FindFirst("ver")?.Value switch
        {
            null or "" or "1.0" => claims.FindFirst("appid")?.Value,
            "2.0" => claims.FindFirst("azp")?.Value,
            _ => null,
        };
        if (!string.Equals(appId, _options.MicrosoftAppId, StringComparison.Ordinal))
        {
            _logger.LogWarning("Refused a request to /api/messages: the Emulator token is for another app");
            return null;
        }

        return ChannelIdentity.Emulator;
    }

    private async Task<(TokenValidationResult? Result, OpenIdConnectConfiguration Configuration)> ValidateAsync(
        ConfigurationManager<OpenIdConnectConfiguration> keys, string token, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        var configuration = await keys.GetConfigurationAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration, issuers));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The channel may have rolled its keys since the last download: fetch the metadata again, once.
            keys.RequestRefresh();
            configuration = await keys.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(configuration, issuers));
        }

        if (!result.IsValid)
        {
            _logger.LogWarning("Refused a request to /api/messages: {Reason}", result.Exception?.GetType().Name ?? "invalid token");
            return (null, configuration);
        }

        return (result, configuration);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration, IReadOnlyList<string> issuers) => new()
    {
        ValidIssuers = issuers,
        ValidateAudience = true,
        ValidAudience = _options.MicrosoftAppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireSignedTokens = true,
        ValidAlgorithms = Algorithms,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        ValidateIssuerSigningKey = true,
    };

    private static string? BearerToken(string? authorization)
    {
        // Exactly "Bearer <token>", case-sensitive, as the Bot Framework's own extractor requires.
        string[] parts = (authorization ?? "").Split(' ');
        return parts.Length == 2 && parts[0] == "Bearer" && parts[1].Length is > 0 and <= MaxTokenLength ? parts[1] : null;
    }

    private static List<string>? Endorsements(OpenIdConnectConfiguration configuration, string kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is not JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        return array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> Keys(string metadataUrl, IHttpClientFactory httpClients)
    {
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(BotFrameworkExtensions.OpenIdClient))
        {
            RequireHttps = !new Uri(metadataUrl).IsLoopback,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }
}
