using System.Collections.Concurrent;
using System.Text.Json;
using BriefBot.Tests.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BriefBot.Tests.Fakes;

/// <summary>
/// A Bot Connector service on 127.0.0.1, as Azure Bot Service and Teams look to a bot: OpenID metadata and a JWKS
/// with endorsements (for inbound tokens it signs itself), an Entra-style token endpoint (for the bot's outbound
/// tokens), and the v3 conversation routes, which record what the bot sends and can be scripted to fail.
/// Reusable by any test, benchmark or tool that needs to receive what the bot sends proactively.
/// </summary>
/// <example>
/// <code>
/// await using var connector = await FakeBotConnector.StartAsync();
/// var host = new BriefBotHost(connector.BotSettings(), services: s => s.AddSingleton&lt;IMsalHttpClientFactory&gt;(new LoginRedirect(connector)));
/// var bot = await host.StartAsync();
/// await connector.SendAsync(bot, activityJson);                 // signed like Azure Bot Service would
/// var sent = await connector.WaitForLandedAsync("message");     // what the bot posted back
/// </code>
/// </example>
public sealed partial class FakeBotConnector : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string DefaultAppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";

    private readonly WebApplication _app;
    private readonly List<ConnectorRequest> _requests = [];
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _faults = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<(string Operation, bool Landed)> _hangs = new();
    private readonly ConcurrentDictionary<string, bool> _hungConversations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource? _held;
    private int _activityIds;
    private int _tokensIssued;
    private int _keyDownloads;

    private FakeBotConnector(string appId)
    {
        AppId = appId;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        MapIdentity(_app);
        MapConversations(_app);
    }

    /// <summary>The bot's app id: the audience of the tokens this fake signs.</summary>
    public string AppId { get; }

    /// <summary>The fake's base URL, e.g. http://127.0.0.1:5123.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The service URL put in activities (with a region path, as Teams does).</summary>
    public string ServiceUrl => Url + "/amer/";

    /// <summary>Another service URL on this fake, as the Bot Framework Emulator gives one: loopback, never in a channel token.</summary>
    public string EmulatorServiceUrl => Url + "/emulator/";

    public string OpenIdMetadataUrl => Url + "/v1/.well-known/openidconfiguration";

    /// <summary>How many bot tokens the token endpoint has issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>How many times the JWKS was downloaded.</summary>
    public int KeyDownloads => Volatile.Read(ref _keyDownloads);

    public static async Task<FakeBotConnector> StartAsync(string appId = DefaultAppId)
    {
        return await HostBuilds.OneAtATimeAsync(async () =>
        {
            var connector = new FakeBotConnector(appId);
            await connector._app.StartAsync();
            connector.Url = connector._app.Urls.Single().TrimEnd('/');
            return connector;
        });
    }

    /// <summary>The settings that point BriefBot at this fake, under the keys Bot Framework bots use.</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "fake-connector-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["ToBotFromChannelOpenIdMetadataUrl"] = OpenIdMetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = Url + "/common/v2.0/.well-known/openid-configuration",
    };

    /// <summary>The next v3 calls answer these statuses (with Retry-After when given), in order, before 200 again.</summary>
    public void FailNext(params (int Status, string? RetryAfter)[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="operation"/> ("reply", "send", …) never answer, as a
    /// Connector that hangs: when <paramref name="landed"/>, the activity was taken (recorded as landed) before the hang.
    /// </summary>
    public void HangNext(string operation, int times = 1, bool landed = false)
    {
        for (int i = 0; i < times; i++)
        {
            _hangs.Enqueue((operation, landed));
        }
    }

    /// <summary>Every call into <paramref name="conversationId"/> from now on hangs without landing, until the fake stops.</summary>
    public void HangConversation(string conversationId) => _hungConversations[conversationId] = true;

    /// <summary>From now on the v3 routes record each request but do not answer until <see cref="Release"/>.</summary>
    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the held requests, and the next ones at once.</summary>
    public void Release() => Interlocked.Exchange(ref _held, null)?.TrySetResult();

    public IReadOnlyList<ConnectorRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Forgets the recorded requests (long runs such as benchmarks).</summary>
    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    /// <summary>Waits until the recorded requests satisfy <paramref name="condition"/>; fails after the timeout.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForAsync(Func<IReadOnlyList<ConnectorRequest>, bool> condition, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition(_requests))
                {
                    return [.. _requests];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The Connector did not receive what was expected; it has {Requests.Count} requests: "
                    + string.Join(", ", Requests.Select(r => $"{r.Operation} {r.ActivityType} {r.Status}")));
            }
        }
    }

    /// <summary>Waits for <paramref name="count"/> requests that landed (2xx) with the given activity type.</summary>
    public Task<IReadOnlyList<ConnectorRequest>> WaitForLandedAsync(string activityType, int count = 1) =>
        WaitForAsync(all => all.Count(r => r.Landed && r.ActivityType == activityType) >= count);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private bool TakeHang(string operation, out bool landed)
    {
        landed = false;
        lock (_hangs)
        {
            if (!_hangs.TryPeek(out var next) || next.Operation != operation)
            {
                return false;
            }

            _hangs.TryDequeue(out _);
            landed = next.Landed;
            return true;
        }
    }

    private async Task HangAsync(CancellationToken aborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The bot gave up on the request, or the fake is stopping.
        }
    }

    private void MapConversations(WebApplication app)
    {
        foreach (string region in new[] { "amer", "emulator" })
        {
            var v3 = app.MapGroup($"/{region}/v3/conversations");
            v3.MapPost("/", (HttpRequest r) => RecordAsync(r, region, "create", null, null));
            v3.MapPost("/{conversationId}/activities", (HttpRequest r, string conversationId) => RecordAsync(r, region, "send", conversationId, null));
            v3.MapPost("/{conversationId}/activities/{activityId}", (HttpRequest r, string conversationId, string activityId) => RecordAsync(r, region, "reply", conversationId, activityId));
            v3.MapPut("/{conversationId}/activities/{activityId}", (HttpRequest r, string conversationId, string activityId) => RecordAsync(r, region, "update", conversationId, activityId));
        }
    }

    private async Task<IResult> RecordAsync(HttpRequest request, string region, string operation, string? conversationId, string? activityId)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        bool hangs = conversationId is not null && _hungConversations.ContainsKey(conversationId);
        bool landsThenHangs = false;
        if (!hangs && TakeHang(operation, out bool landed))
        {
            hangs = !landed;
            landsThenHangs = landed;
        }

        int status = hangs ? 0 : 200; // 0: seen, never answered, not taken
        string? retryAfter = null;
        if (!hangs && !landsThenHangs && _faults.TryDequeue(out var fault))
        {
            (status, retryAfter) = fault;
        }

        string? id = status == 200 ? $"activity-{Interlocked.Increment(ref _activityIds)}" : null;
        lock (_lock)
        {
            _requests.Add(new ConnectorRequest(operation, conversationId, activityId, request.Headers.Authorization, body, status, id, region));
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (hangs || landsThenHangs)
        {
            await HangAsync(request.HttpContext.RequestAborted);
            return Results.Empty;
        }

        if (_held is { } held)
        {
            await held.Task;
        }

        if (status != 200)
        {
            if (retryAfter is not null)
            {
                request.HttpContext.Response.Headers.RetryAfter = retryAfter;
            }

            return Results.Json(new { error = new { code = "Fault", message = $"Scripted {status}" } }, statusCode: status);
        }

        return operation == "create"
            ? Results.Json(new { id = $"conversation-{id}", activityId = id, serviceUrl = ServiceUrl })
            : Results.Json(new { id });
    }
}
