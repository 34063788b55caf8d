using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace BriefBot.Tests.Fakes;

/// <summary>One request the bot sent to a remote service URL.</summary>
public sealed record RemoteRequest(Uri Uri, string? Authorization);

/// <summary>
/// Connector services off this machine, for tests that need a service URL that is not loopback: every request the
/// host's HttpClients send to an <c>*.example</c> host (a name reserved for examples, never resolvable) is recorded
/// and answered here with <c>{"id": …}</c>, so nothing leaves the process. Requests to other hosts pass through.
/// </summary>
public sealed class RemoteConnectors
{
    private readonly ConcurrentQueue<RemoteRequest> _requests = new();

    public IReadOnlyList<RemoteRequest> Requests => [.. _requests];

    /// <summary>A remote service URL with a region path, as Teams gives one.</summary>
    public static string ServiceUrl(string host = "smba") => $"https://{host}.example/amer/";

    /// <summary>Puts the recorder under every HttpClient the host makes.</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Recorder(_requests)));

    /// <summary>Waits until a request to a remote host was recorded.</summary>
    public async Task<RemoteRequest> WaitForAsync(TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            if (_requests.TryPeek(out var first))
            {
                return first;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("Nothing was sent to a remote service URL.");
    }

    public void Clear() => _requests.Clear();

    private sealed class Recorder(ConcurrentQueue<RemoteRequest> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is not { } uri || !uri.Host.EndsWith(".example", StringComparison.OrdinalIgnoreCase))
            {
                return base.SendAsync(request, cancellationToken);
            }

            requests.Enqueue(new RemoteRequest(uri, request.Headers.Authorization?.ToString()));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"id\":\"remote-1\"}", Encoding.UTF8, "application/json"),
            });
        }
    }
}
