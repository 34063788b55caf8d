using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>
/// BriefBot's calls to Slack: <c>chat.postMessage</c> with the bot token, and posts to a slash command's
/// <c>response_url</c>. A 429 is retried after its <c>Retry-After</c>; a 5xx, a timeout or a refused connection after a
/// short back-off (1, 2, 4 s).
/// </summary>
internal sealed class SlackWebApi(
    IHttpClientFactory clients, IOptions<SlackOptions> options, SlackPacer pacer, TimeProvider clock, ILogger<SlackWebApi> logger)
{
    public const string ClientName = "Slack";
    public const int MaxAttempts = 4;
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <returns>True when Slack answered <c>ok: true</c>.</returns>
    public Task<bool> PostMessageAsync(SlackThread thread, SlackMessage message, CancellationToken cancellationToken) =>
        PostMessageAsync(thread.Channel, thread.ThreadTs, message, cancellationToken);

    /// <summary>Posts into a channel or DM: in the thread <paramref name="threadTs"/>, or as a new message when it is null.</summary>
    /// <returns>True when Slack answered <c>ok: true</c>.</returns>
    public async Task<bool> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        await pacer.WaitTurnAsync(channel, cancellationToken);

        using var response = await SendAsync("chat.postMessage", () => new HttpRequestMessage(HttpMethod.Post, "chat.postMessage")
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken) },
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Slack chat.postMessage answered {Status} for channel {Channel}", (int)response.StatusCode, channel);
            return false;
        }

        var result = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (result.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        logger.LogWarning("Slack chat.postMessage refused a message in channel {Channel}: {Error}", channel,
            result.TryGetProperty("error", out var error) ? error.ToString() : "no error given");
        return false;
    }

    /// <returns>True when the response URL took the message.</returns>
    public async Task<bool> RespondAsync(SlackResponseUrl destination, SlackMessage message, string responseType, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["response_type"] = responseType;
        using var response = await SendAsync("response_url", () => new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = JsonContent.Create(body),
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("A Slack response_url answered {Status}", (int)response.StatusCode);
        }

        return response.IsSuccessStatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(string method, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(ClientName);
        for (int attempt = 1; ; attempt++)
        {
            using var sent = request();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(sent, cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested
                && ex is HttpRequestException or TaskCanceledException)
            {
                var backOff = TimeSpan.FromSeconds(1 << (attempt - 1));
                logger.LogWarning("Slack {Method} could not be reached ({Error}); trying again in {DelayMs} ms (attempt {Attempt} of {MaxAttempts})",
                    method, ex.GetType().Name, backOff.TotalMilliseconds, attempt, MaxAttempts);
                await Task.Delay(backOff, clock, cancellationToken);
                continue;
            }

            bool retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (!retryable || attempt == MaxAttempts)
            {
                return response;
            }

            var delay = RetryDelay(response, attempt);
            logger.LogWarning("Slack {Method} answered {Status}; trying again in {DelayMs} ms (attempt {Attempt} of {MaxAttempts})",
                method, (int)response.StatusCode, delay.TotalMilliseconds, attempt, MaxAttempts);
            response.Dispose();
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : TimeSpan.FromSeconds(1 << (attempt - 1)));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryAfter ? MaxRetryAfter : delay;
    }
}

/// <summary>A message for Slack: the plain-text fallback and the Block Kit blocks.</summary>
internal sealed record SlackMessage(string Text, JsonArray Blocks)
{
    public JsonObject ToJson() => new()
    {
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
    };
}
