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
/// <param name="Status">The HTTP status the fake answered with.</param>
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
/// A Slack Web API on 127.0.0.1 (real Kestrel) that records every call: <c>POST /api/{method}</c> answers
/// <c>{"ok": true, "ts": ...}</c> when the bearer token is <see cref="BotToken"/> (a new ts, or for <c>chat.update</c>
/// the one updated), and <c>POST /response/{id}</c> stands in
/// for slash-command response URLs. It can answer the next calls with 429 and a Retry-After, or with any other failure.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot-token";
    public const string ResponseUrlMethod = "response_url";

    private readonly WebApplication _app;
    private readonly Recording<SlackCall> _calls = new();
    private readonly Lock _lock = new();
    private int _failures;
    private int _failureStatus;
    private int? _retryAfterSeconds;
    private long _ts = 1_700_000_000_000_000;

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
        app.MapPost("/response/{id}", (HttpRequest request) => fake.ResponseUrlAsync(request));
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    /// <summary>A fresh response URL for one slash command.</summary>
    public Uri NewResponseUrl() => new(ResponseUrlBase, Guid.NewGuid().ToString("n"));

    /// <summary>The next <paramref name="times"/> Web API calls get 429 with <c>Retry-After: seconds</c>.</summary>
    public void RateLimitNext(int times, int retryAfterSeconds) => FailNext(times, 429, retryAfterSeconds);

    /// <summary>The next <paramref name="times"/> Web API calls get <paramref name="status"/>, with a Retry-After when given.</summary>
    public void FailNext(int times, int status, int? retryAfterSeconds = null)
    {
        lock (_lock)
        {
            _failures = times;
            _failureStatus = status;
            _retryAfterSeconds = retryAfterSeconds;
        }
    }

    public IReadOnlyList<SlackCall> Calls => _calls.Items;

    /// <summary>The successful <c>chat.postMessage</c> calls.</summary>
    public IReadOnlyList<SlackCall> Posts => [.. Calls.Where(c => c.Method == "chat.postMessage" && c.Status == 200)];

    /// <summary>Waits until a recorded call matches, for at most ten seconds.</summary>
    public Task<SlackCall> WaitForAsync(Func<SlackCall, bool> match, TimeSpan? timeout = null) =>
        _calls.WaitForAsync(match, timeout ?? TimeSpan.FromSeconds(10), seen =>
            $"The fake Slack saw no matching call; it saw {seen.Count}: {string.Join(", ", seen.Select(c => $"{c.Method} {c.Channel}"))}.");

    /// <summary>Waits for a successful <c>chat.postMessage</c> into <paramref name="channel"/>.</summary>
    public Task<SlackCall> WaitForPostAsync(string channel) =>
        WaitForAsync(c => c.Method == "chat.postMessage" && c.Status == 200 && c.Channel == channel);

    private async Task<IResult> ApiAsync(string method, HttpRequest request)
    {
        var body = await ReadAsync(request);
        string? authorization = request.Headers.Authorization;
        int status = 200;
        int? retryAfter = null;
        lock (_lock)
        {
            if (_failures > 0)
            {
                _failures--;
                status = _failureStatus;
                retryAfter = _retryAfterSeconds;
            }
        }

        bool answers = status == 200 && authorization == "Bearer " + BotToken;
        string? ts = !answers ? null
            : method == "chat.update" && body["ts"] is { } updated ? updated.GetValue<string>()
            : $"{Interlocked.Increment(ref _ts) / 1_000_000}.{Interlocked.Read(ref _ts) % 1_000_000:D6}";
        Record(new SlackCall(method, request.Path, authorization, body, DateTimeOffset.UtcNow, status, ts));
        if (status != 200)
        {
            if (retryAfter is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.StatusCode(status);
        }

        if (authorization != "Bearer " + BotToken)
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        return Results.Json(new { ok = true, channel = body["channel"]?.GetValue<string>(), ts });
    }

    private async Task<IResult> ResponseUrlAsync(HttpRequest request)
    {
        Record(new SlackCall(ResponseUrlMethod, request.Path, request.Headers.Authorization, await ReadAsync(request), DateTimeOffset.UtcNow, 200));
        return Results.Ok();
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];

    private void Record(SlackCall call) => _calls.Add(call);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
