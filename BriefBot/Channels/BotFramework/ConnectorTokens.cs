using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Bearer tokens for Connector calls: MSAL client credentials against the cloud's login authority (the bot's own
/// tenant for SingleTenant), cached by MSAL until shortly before they expire. None when authentication is off.
/// </summary>
internal sealed class ConnectorTokens
{
    private readonly BotFrameworkCloud _cloud;
    private readonly IConfidentialClientApplication? _msal;
    private readonly SemaphoreSlim _one = new(1, 1);

    public ConnectorTokens(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClients)
    {
        var settings = options.Value;
        _cloud = settings.Cloud;
        if (settings.AuthenticationEnabled)
        {
            _msal = ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId)
                .WithClientSecret(settings.MicrosoftAppPassword)
                .WithAuthority(_cloud.Authority(settings), settings.ValidateAuthority)
                .WithHttpClientFactory(httpClients)
                .Build();
        }
    }

    /// <summary>The token to send, or null when authentication is off.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_msal is null)
        {
            return null;
        }

        // One caller at a time: the first fills MSAL's cache and the others read it, instead of all asking the login host.
        await _one.WaitAsync(cancellationToken);
        try
        {
            var result = await _msal.AcquireTokenForClient([_cloud.Scope]).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        finally
        {
            _one.Release();
        }
    }
}

/// <summary>MSAL's HTTP calls go through the host's HttpClientFactory (pooled handlers, DNS refresh).</summary>
internal sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClients.CreateClient(BotFrameworkExtensions.LoginClient);
}
