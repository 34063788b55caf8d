using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BriefBot.Tests.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefBot.Tests.Rephrasing;

/// <summary>One chat-completions request as the real client sent it.</summary>
public sealed record CapturedRequest(string Path, string? ApiVersion, string? ApiKey, string? Authorization, JsonElement Body)
{
    public string Model => Body.GetProperty("model").GetString()!;

    public string MessageOf(string role) =>
        Body.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == role).GetProperty("content").GetString()!;
}

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (Kestrel), serving both the Azure OpenAI route and the <c>/v1</c> route.
/// It records every request and answers with the scripted <see cref="Reply"/>.
/// </summary>
public sealed class FakeOpenAI : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    private FakeOpenAI(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>; Azure mode uses it as the endpoint.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The OpenAI-compatible endpoint: the root plus <c>v1</c>.</summary>
    public Uri V1 => new(Root, "v1");

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    /// <summary>What the server answers to the next requests; a grounding-free "OK" by default.</summary>
    public Func<CapturedRequest, HttpContext, Task> Reply { get; set; } = Completion("OK");

    public static Task<FakeOpenAI> StartAsync() => HostBuilds.OneAtATimeAsync(StartAloneAsync);

    // Built while no other host is being built; see HostBuilds.
    private static async Task<FakeOpenAI> StartAloneAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeOpenAI(builder.Build());
        fake._app.MapPost("/openai/deployments/{deployment}/chat/completions", fake.HandleAsync);
        fake._app.MapPost("/v1/chat/completions", fake.HandleAsync);
        await fake._app.StartAsync();
        string address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Root = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public void Clear() => _requests.Clear();

    /// <summary>A normal chat completion whose message is <paramref name="content"/>.</summary>
    public static Func<CapturedRequest, HttpContext, Task> Completion(string content, string finishReason = "stop") => (request, context) =>
        Results.Json(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = request.Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
            usage = new { prompt_tokens = 5, completion_tokens = 3, total_tokens = 8 },
        }).ExecuteAsync(context);

    /// <summary>An error status with an OpenAI-style error body (429s say "retry now").</summary>
    public static Func<CapturedRequest, HttpContext, Task> Status(int status) => (_, context) =>
    {
        if (status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "0";
        }

        return Results.Json(new { error = new { code = status.ToString(), message = "scripted failure" } }, statusCode: status).ExecuteAsync(context);
    };

    /// <summary>Answers with <paramref name="reply"/> after <paramref name="delay"/>, unless the client gives up first.</summary>
    public static Func<CapturedRequest, HttpContext, Task> After(TimeSpan delay, Func<CapturedRequest, HttpContext, Task> reply) => async (request, context) =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await reply(request, context);
    };

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new CapturedRequest(
            context.Request.Path,
            context.Request.Query["api-version"].FirstOrDefault(),
            context.Request.Headers["api-key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            body.RootElement.Clone());
        _requests.Enqueue(request);
        await Reply(request, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
