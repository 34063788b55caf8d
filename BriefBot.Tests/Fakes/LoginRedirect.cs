using Microsoft.Identity.Client;

namespace BriefBot.Tests.Fakes;

/// <summary>
/// MSAL's HTTP client for tests: every call MSAL makes to the real login host goes to the fake Connector instead.
/// MSAL refuses http authorities, so the bot keeps its real https authority and only the transport is redirected.
/// </summary>
public sealed class LoginRedirect(FakeBotConnector connector) : IMsalHttpClientFactory
{
    private readonly HttpClient _client = new(new Redirect(new Uri(connector.Url)));

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
