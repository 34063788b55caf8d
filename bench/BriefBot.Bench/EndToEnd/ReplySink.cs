using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BriefBot.Bench.EndToEnd;

/// <summary>
/// Where replies arrive: a channel's fake outbound API on 127.0.0.1 (real Kestrel) that stamps each reply's arrival
/// and completes whoever waits for it. It keeps no history, so that a long run costs it nothing per reply.
/// </summary>
internal sealed class ReplySink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private long _unexpected;

    private ReplySink(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Replies nobody waited for: duplicates, or replies to the wrong conversation.</summary>
    public long Unexpected => Interlocked.Read(ref _unexpected);

    /// <summary>Starts the sink; <paramref name="map"/> adds the channel's routes, which call <see cref="Arrived"/>.</summary>
    public static async Task<ReplySink> StartAsync(Action<WebApplication, ReplySink> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ReplySink(app);
        map(app, sink);
        await app.StartAsync();
        sink.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return sink;
    }

    /// <summary>Registers interest in the reply to <paramref name="key"/>; the task ends with its arrival timestamp.</summary>
    public Task<long> Expect(string key)
    {
        var arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[key] = arrival;
        return arrival.Task;
    }

    /// <summary>Gives up on a reply that did not come.</summary>
    public void Forget(string key) => _waiting.TryRemove(key, out _);

    public void Arrived(string key)
    {
        long at = Measuring.Clock.Now;
        if (_waiting.TryRemove(key, out var arrival))
        {
            arrival.TrySetResult(at);
        }
        else
        {
            Interlocked.Increment(ref _unexpected);
        }
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpRequest request) =>
        (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
