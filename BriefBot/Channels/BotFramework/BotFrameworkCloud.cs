namespace BriefBot.Channels.BotFramework;

/// <summary>The endpoints of one Bot Framework cloud (public or US Government), after configuration overrides.</summary>
internal sealed record BotFrameworkCloud(
    string LoginUrl,
    string OAuthScope,
    string ChannelTokenIssuer,
    string ChannelOpenIdMetadataUrl,
    string EmulatorOpenIdMetadataUrl,
    IReadOnlyList<string> EmulatorTokenIssuers)
{
    public const string GovernmentChannelService = "https://botframework.azure.us";

    public static readonly BotFrameworkCloud Public = new(
        "https://login.microsoftonline.com/botframework.com",
        "https://api.botframework.com",
        "https://api.botframework.com",
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
        [
            "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
            "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
            "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
            "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        ]);

    public static readonly BotFrameworkCloud Government = new(
        "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
        "https://api.botframework.us",
        "https://api.botframework.us",
        "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration",
        [
            "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
            "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
            "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
            "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        ]);

    /// <summary>
    /// The issuers an Emulator token may carry: the fixed Emulator list of the cloud, plus, for a SingleTenant bot,
    /// the v1 and v2 issuers of the bot's own tenant. Never anything named by the token itself.
    /// </summary>
    public IReadOnlyList<string> EmulatorIssuers(BotFrameworkOptions options)
    {
        if (!options.IsSingleTenant || !Guid.TryParse(options.MicrosoftAppTenantId, out var tenant))
        {
            return EmulatorTokenIssuers;
        }

        string login = new Uri(LoginUrl).Authority;
        return [.. EmulatorTokenIssuers, $"https://sts.windows.net/{tenant}/", $"https://{login}/{tenant}/", $"https://{login}/{tenant}/v2.0"];
    }

    /// <summary>The MSAL scope for Connector calls.</summary>
    public string Scope => OAuthScope.TrimEnd('/') + "/.default";

    public static BotFrameworkCloud Resolve(BotFrameworkOptions options)
    {
        var defaults = string.Equals(options.ChannelService?.TrimEnd('/'), GovernmentChannelService, StringComparison.OrdinalIgnoreCase)
            ? Government
            : Public;
        return defaults with
        {
            LoginUrl = Pick(options.ToChannelFromBotLoginUrl, defaults.LoginUrl),
            OAuthScope = Pick(options.ToChannelFromBotOAuthScope, defaults.OAuthScope),
            ChannelTokenIssuer = Pick(options.ToBotFromChannelTokenIssuer, defaults.ChannelTokenIssuer),
            ChannelOpenIdMetadataUrl = Pick(options.ToBotFromChannelOpenIdMetadataUrl, defaults.ChannelOpenIdMetadataUrl),
            EmulatorOpenIdMetadataUrl = Pick(options.ToBotFromEmulatorOpenIdMetadataUrl, defaults.EmulatorOpenIdMetadataUrl),
        };
    }

    /// <summary>
    /// The MSAL authority: the login URL as configured for a multi-tenant bot; for a single-tenant bot the same host
    /// with the bot's own tenant.
    /// </summary>
    public string Authority(BotFrameworkOptions options)
    {
        if (!options.IsSingleTenant)
        {
            return LoginUrl;
        }

        var login = new Uri(LoginUrl);
        return $"{login.Scheme}://{login.Authority}/{options.MicrosoftAppTenantId}";
    }

    private static string Pick(string? configured, string fallback) => string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
}
