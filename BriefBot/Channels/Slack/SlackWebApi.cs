using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>
/// BriefBot's calls to Slack: <c>chat.postMessage</c> and <c>chat.update</c> with the bot token, and posts to a slash
/// command's <c>response_url</c>. A 429 is retried after its <c>Retry-After</c>; a 5xx, a timeout or a refused
/// connection after a short back-off (1, 2, 4 s).
/// </summary>
internal sealed class SlackWebApi(
    IHttpClientFactory clients, IOptions<SlackOptions> options, SlackPacer pacer, TimeProvider clock, ILogger<SlackWebApi> logger)
{
    public const string ClientName = "Slack";
    public const int MaxAttempts = 4;
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>Posts into a channel or DM: in the thread <paramref name="threadTs"/>, or as a new message when it is null.</summary>
    /// <returns>True when Slack answered <c>ok: true</c>.</returns>
    public async Task<bool> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken) =>
        await PostAsync(channel, threadTs, message, cancellationToken) is not null;

    /// <summary>Posts like <see cref="PostMessageAsync"/>, and gives the message's <c>ts</c> for a later <c>chat.update</c>.</summary>
    /// <returns>The <c>ts</c> of the posted message (empty when Slack gave none), or null when Slack did not take it.</returns>
    public async Task<string?> PostAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        var result = await ChatAsync("chat.postMessage", channel, body, cancellationToken);
        return result is not { } ok ? null : ok.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString() : "";
    }

    /// <summary><c>chat.update</c>: puts <paramref name="message"/> in place of the bot's message <paramref name="ts"/>, paced and retried as a post is.</summary>
    /// <returns>True when Slack answered <c>ok: true</c>.</returns>
    public async Task<bool> UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        body["ts"] = ts;
        return await ChatAsync("chat.update", channel, body, cancellationToken) is not null;
    }

    /// <summary>A <c>chat.*</c> call with the bot token, in the channel's turn.</summary>
    /// <returns>Slack's reply when it said <c>ok: true</c>; otherwise null, logged.</returns>
    private async Task<JsonElement?> ChatAsync(string method, string channel, JsonObject body, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(channel, cancellationToken);

        using var response = await SendAsync(method, () => new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken) },
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Slack {Method} answered {Status} for channel {Channel}", method, (int)response.StatusCode, channel);
            return null;
        }

        var result = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (result.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return result;
        }

        logger.LogWarning("Slack {Method} refused a message in channel {Channel}: {Error}", method, channel,
            result.TryGetProperty("error", out var error) ? error.ToString() : "no error given");
        return null;
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
    /// <summary>The message as Slack takes it; <see cref="Text"/> is plain text, escaped here for mrkdwn (notifications read it).</summary>
    public JsonObject ToJson() => new()
    {
        ["text"] = SlackText.Escape(Text),
        ["blocks"] = Blocks.DeepClone(),
    };
}
