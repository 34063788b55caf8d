using System.ComponentModel.DataAnnotations;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// The Bot Framework settings, under the top-level keys Bot Framework users already set (<c>MicrosoftAppId</c>,
/// <c>ToBotFromChannelOpenIdMetadataUrl</c>, …). Unset cloud keys mean the public cloud; <c>ChannelService</c> set to
/// the US Government channel service switches the defaults to that cloud.
/// </summary>
internal sealed class BotFrameworkOptions : IValidatableObject
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string AllowEmulatorKey = "BotFramework:AllowEmulator";

    /// <summary>The bot's Entra app id; empty turns authentication off (local development, the Emulator).</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of a <c>SingleTenant</c> bot.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>MultiTenant</c> (the default) or <c>SingleTenant</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? ChannelService { get; set; }
    public string? ToChannelFromBotLoginUrl { get; set; }
    public string? ToChannelFromBotOAuthScope { get; set; }
    public string? ToBotFromChannelTokenIssuer { get; set; }
    public string? ToBotFromChannelOpenIdMetadataUrl { get; set; }
    public string? ToBotFromEmulatorOpenIdMetadataUrl { get; set; }

    /// <summary>Whether MSAL checks the login authority against its known hosts.</summary>
    public bool ValidateAuthority { get; set; } = true;

    /// <summary>
    /// Whether Emulator (Entra) tokens are accepted: <c>BotFramework:AllowEmulator</c>, unset meaning only in the
    /// Development environment. Resolved in <see cref="BotFrameworkExtensions.AddBotFramework"/>; the setter is not
    /// public so the top-level binder leaves it alone.
    /// </summary>
    public bool AllowEmulator { get; internal set; }

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsSingleTenant => string.Equals(MicrosoftAppType, SingleTenant, StringComparison.OrdinalIgnoreCase);

    /// <summary>The cloud's endpoints: the defaults of <see cref="ChannelService"/>'s cloud, overridden key by key.</summary>
    public BotFrameworkCloud Cloud => BotFrameworkCloud.Resolve(this);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MicrosoftAppType is { Length: > 0 } type
            && !type.Equals(MultiTenant, StringComparison.OrdinalIgnoreCase)
            && !type.Equals(SingleTenant, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"MicrosoftAppType '{type}' is not supported: use MultiTenant or SingleTenant.", [nameof(MicrosoftAppType)]);
        }

        if (AuthenticationEnabled && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult("MicrosoftAppPassword is required when MicrosoftAppId is set.", [nameof(MicrosoftAppPassword)]);
        }

        if (AuthenticationEnabled && IsSingleTenant && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            yield return new ValidationResult("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.", [nameof(MicrosoftAppTenantId)]);
        }

        var cloud = Cloud;
        foreach (var (key, url) in new[]
        {
            (nameof(ToChannelFromBotLoginUrl), cloud.LoginUrl),
            (nameof(ToBotFromChannelOpenIdMetadataUrl), cloud.ChannelOpenIdMetadataUrl),
            (nameof(ToBotFromEmulatorOpenIdMetadataUrl), cloud.EmulatorOpenIdMetadataUrl),
        })
        {
            if (!IsSafeUrl(url))
            {
                yield return new ValidationResult($"{key} must be an absolute https URL (http only for 127.0.0.1 or localhost), not '{url}'.", [key]);
            }
        }
    }

    /// <summary>https anywhere; plain http only on the loopback interface.</summary>
    public static bool IsSafeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
