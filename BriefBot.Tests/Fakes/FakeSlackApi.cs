using System.Net;
using System.Text.Json.Nodes;
using BriefBot.Tests.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefBot.Tests.Fakes;

/// <summary>One request the fake Slack received: a Web API method (<c>chat.postMessage</c>) or a response-URL post.</summary>
/// <param name="Method">The Web API method, or <see cref="FakeSlackApi.ResponseUrlMethod"/>.</param>
/// <param name="Body">The JSON body, or for a read (<c>conversations.replies</c>) its query as an object.</param>
/// <param name="Status">The HTTP status the fake answered with; 0 when it never answered (a hang).</param>
/// <param name="AnsweredTs">The message <c>ts</c> the fake answered with (<c>chat.postMessage</c>, <c>chat.update</c>).</param>
public sealed record SlackCall(string Method, string Path, string? Authorization, JsonObject Body, DateTimeOffset At, int Status, string? AnsweredTs = null)
{
    public string? Ts => Body["ts"]?.GetValue<string>();

    public string? Channel => Body["channel"]?.GetValue<string>();

    public string? ThreadTs => Body["thread_ts"]?.GetValue<string>();

    public string? Text => Body["text"]?.GetValue<string>();

    /// <summary>The blocks as JSON text, to search for quotes and button values.</summary>
    public string Blocks => Body["blocks"]?.ToJsonString() ?? "";
}

/// <summary>
/// A Slack Web API on 127.0.0.1 (real Kestrel) that records every call and keeps the messages posted, per channel,
/// as Slack does: <c>chat.postMessage</c> answers <c>{"ok": true, "ts": ...}</c> when the bearer token is
/// <see cref="BotToken"/>, <c>chat.update</c> changes a kept message, <c>conversations.replies</c> and
/// <c>conversations.history</c> read them back (with their <c>metadata</c> only under <c>include_all_metadata</c>),
/// and <c>POST /response/{id}</c> stands in for slash-command response URLs. Faults are scripted per call: a status
/// (429 with Retry-After, 5xx, …), a hang, or a 200 whose body is not JSON.
/// </summary>
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot-token";
    public const string ResponseUrlMethod = "response_url";

    private readonly WebApplication _app;
    private readonly Recording<SlackCall> _calls = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _lastTs;
    private TimeSpan _postAnswerDelay;

    private FakeSlackApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What BriefBot's <c>Slack:ApiBaseUrl</c> is set to.</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>What BriefBot's <c>Slack:ResponseUrlBase</c> is set to.</summary>
    public Uri ResponseUrlBase => new(BaseUrl, "response/");

    /// <summary>The settings that point BriefBot at this fake.</summary>
    public Dictionary<string, string?> Settings(string signingSecret) => new()
    {
        ["Slack:SigningSecret"] = signingSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:ApiBaseUrl"] = ApiBaseUrl.ToString(),
        ["Slack:ResponseUrlBase"] = ResponseUrlBase.ToString(),
    };

    public static Task<FakeSlackApi> StartAsync() => HostBuilds.OneAtATimeAsync(StartAloneAsync);

    // Built while no other host is being built; see HostBuilds.
    private static async Task<FakeSlackApi> StartAloneAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", (string method, HttpRequest request) => fake.ApiAsync(method, request));
        app.MapGet("/api/{method}", (string method, HttpRequest request) => fake.ApiAsync(method, request));
        app.MapPost("/response/{id}", (HttpRequest request) => fake.ResponseUrlAsync(request));
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    /// <summary>From now on each <c>chat.postMessage</c> is carried out at once but answered only after <paramref name="delay"/>, as a slow Slack.</summary>
    public void AnswerPostsAfter(TimeSpan delay) => _postAnswerDelay = delay;

    /// <summary>A fresh response URL for one slash command.</summary>
    public Uri NewResponseUrl() => new(ResponseUrlBase, Guid.NewGuid().ToString("n"));

    public IReadOnlyList<SlackCall> Calls => _calls.Items;

    /// <summary>The successful <c>chat.postMessage</c> calls.</summary>
    public IReadOnlyList<SlackCall> Posts => [.. Calls.Where(c => c.Method == "chat.postMessage" && c.Status == 200)];

    /// <summary>Waits until a recorded call matches, for at most ten seconds.</summary>
    public Task<SlackCall> WaitForAsync(Func<SlackCall, bool> match, TimeSpan? timeout = null) =>
        _calls.WaitForAsync(match, timeout ?? TimeSpan.FromSeconds(10), seen =>
            $"The fake Slack saw no matching call; it saw {seen.Count}: {string.Join(", ", seen.Select(c => $"{c.Method} {c.Channel} {c.Status}"))}.");

    /// <summary>Waits for a successful <c>chat.postMessage</c> into <paramref name="channel"/>.</summary>
    public Task<SlackCall> WaitForPostAsync(string channel) =>
        WaitForAsync(c => c.Method == "chat.postMessage" && c.Status == 200 && c.Channel == channel);

    private async Task<IResult> ApiAsync(string method, HttpRequest request)
    {
        var body = request.Method == HttpMethods.Get ? QueryOf(request) : await ReadAsync(request);
        string? authorization = request.Headers.Authorization;
        var fault = TakeFault(method);
        bool authorized = authorization == "Bearer " + BotToken;
        bool acts = authorized && fault is null or { Kind: FaultKind.HangAfterActing or FaultKind.NotJson };
        string? ts = acts ? Act(method, body) : null;
        int status = fault switch
        {
            { Kind: FaultKind.Status, Status: var scripted } => scripted,
            { Kind: FaultKind.HangBeforeActing or FaultKind.HangAfterActing } => 0,
            _ => 200,
        };
        _calls.Add(new SlackCall(method, request.Path, authorization, body, DateTimeOffset.UtcNow, status, ts));

        switch (fault)
        {
            case { Kind: FaultKind.HangBeforeActing or FaultKind.HangAfterActing }:
                await HangAsync(request.HttpContext.RequestAborted);
                return Results.Empty;
            case { Kind: FaultKind.NotJson }:
                return Results.Content("<html><body>upstream hiccup</body></html>", "text/html", statusCode: 200);
            case { Kind: FaultKind.Status, RetryAfterSeconds: var retryAfter }:
                if (retryAfter is { } seconds)
                {
                    request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.StatusCode(status);
        }

        if (!authorized)
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        if (method == "chat.postMessage" && _postAnswerDelay > TimeSpan.Zero)
        {
            await HangAsync(request.HttpContext.RequestAborted, _postAnswerDelay);
        }

        return method switch
        {
            "conversations.replies" or "conversations.history" => Read(method, body),
            _ => Results.Json(new { ok = true, channel = body["channel"]?.GetValue<string>(), ts }),
        };
    }

    /// <summary>Carries out a write: keeps a posted message, changes an updated one.</summary>
    /// <returns>The message's ts, for the answer.</returns>
    private string? Act(string method, JsonObject body)
    {
        switch (method)
        {
            case "chat.postMessage":
                long micros = NextTs();
                string ts = $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
                Keep(ts, body);
                return ts;
            case "chat.update" when body["ts"] is { } updated:
                Change(updated.GetValue<string>(), body);
                return updated.GetValue<string>();
            default:
                return null;
        }
    }

    /// <summary>A message ts as Slack makes them: the time of posting in microseconds, each one later than the last.</summary>
    private long NextTs()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastTs);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastTs, next, last) != last);

        return next;
    }

    private async Task<IResult> ResponseUrlAsync(HttpRequest request)
    {
        _calls.Add(new SlackCall(ResponseUrlMethod, request.Path, request.Headers.Authorization, await ReadAsync(request), DateTimeOffset.UtcNow, 200));
        return Results.Ok();
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];

    private static JsonObject QueryOf(HttpRequest request)
    {
        var query = new JsonObject();
        foreach (var (name, value) in request.Query)
        {
            query[name] = value.ToString();
        }

        return query;
    }

    private async Task HangAsync(CancellationToken aborted, TimeSpan? forAtMost = null)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        try
        {
            await Task.Delay(forAtMost ?? Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException)
        {
            // BriefBot gave up on the call, or the fake is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
