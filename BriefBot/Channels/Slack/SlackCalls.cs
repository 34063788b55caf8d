using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>How one call to Slack ended, as far as BriefBot can tell.</summary>
internal abstract record SlackOutcome
{
    /// <summary>Slack took it: a 2xx, and for a Web API method <c>ok: true</c> with its reply.</summary>
    public sealed record Done(JsonElement Reply) : SlackOutcome;

    /// <summary>Slack said no for good (a 4xx, or <c>ok: false</c> with an error such as <c>not_in_channel</c>).</summary>
    public sealed record Refused(string Error) : SlackOutcome;

    /// <summary>Slack certainly did not act: a 429, or no connection; worth sending again, after <paramref name="RetryAfter"/> when given.</summary>
    public sealed record NotSent(string Reason, TimeSpan? RetryAfter = null) : SlackOutcome;

    /// <summary>
    /// Slack may or may not have acted: the request went out, but the answer timed out, broke off, was a 5xx, was not
    /// JSON, or said <c>internal_error</c>. A post in this state is looked for before it is sent again.
    /// </summary>
    public sealed record Unknown(string Reason) : SlackOutcome;
}

/// <summary>
/// One Slack call with its retries: a <see cref="SlackOutcome.NotSent"/> is sent again after a 429's
/// <c>Retry-After</c> or a back-off of 1, 2, 4 s, and so is an <see cref="SlackOutcome.Unknown"/> when the call is
/// safe to repeat (a read, an update); a post's unknown fate is its caller's to settle.
/// </summary>
internal sealed class SlackCalls(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackCalls> logger)
{
    public const string ClientName = "Slack";
    public const int MaxAttempts = 4;
    public const int MaxReplyBytes = 4 * 1024 * 1024;
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <param name="json">Whether the reply is Web API JSON (<c>{"ok": ...}</c>); a response URL answers plain text.</param>
    /// <param name="repeatable">Whether an <see cref="SlackOutcome.Unknown"/> may be sent again as is.</param>
    public async Task<SlackOutcome> CallAsync(string method, Func<HttpRequestMessage> request, bool json, bool repeatable, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(request, json, cancellationToken);
            bool again = outcome is SlackOutcome.NotSent || (outcome is SlackOutcome.Unknown && repeatable);
            if (!again || attempt == MaxAttempts)
            {
                return outcome;
            }

            var delay = outcome is SlackOutcome.NotSent { RetryAfter: { } after } ? Clamp(after) : BackOff(attempt);
            logger.LogWarning("Slack {Method} did not go through ({Outcome}); trying again in {DelayMs} ms (attempt {Attempt} of {MaxAttempts})",
                method, outcome, delay.TotalMilliseconds, attempt, MaxAttempts);
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    /// <summary>1, 2, 4 s: also how long a post of unknown fate is given to show up before it is looked for.</summary>
    public static TimeSpan BackOff(int attempt) => TimeSpan.FromSeconds(1 << Math.Min(attempt - 1, 5));

    private async Task<SlackOutcome> AttemptAsync(Func<HttpRequestMessage> request, bool json, CancellationToken cancellationToken)
    {
        using var sent = request();
        // One deadline for the answer and its body: HttpClient's own timeout ends when the headers are in.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(sent, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            int status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new SlackOutcome.NotSent("HTTP 429", RetryAfter(response));
            }

            if (status >= 500)
            {
                return new SlackOutcome.Unknown($"HTTP {status}");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new SlackOutcome.Refused($"HTTP {status}");
            }

            return json ? Read(await ReadBoundedAsync(response, attempt.Token)) : new SlackOutcome.Done(default);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return new SlackOutcome.NotSent(ex.HttpRequestError.ToString());
        }
        catch (HttpRequestException ex)
        {
            return new SlackOutcome.Unknown(ex.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SlackOutcome.Unknown($"no answer within {options.Value.TimeoutSeconds} s");
        }
    }

    private static SlackOutcome Read(byte[] body)
    {
        JsonElement reply;
        try
        {
            using var document = JsonDocument.Parse(body);
            reply = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new SlackOutcome.Unknown("a reply that is not JSON");
        }

        if (reply.ValueKind != JsonValueKind.Object)
        {
            return new SlackOutcome.Unknown("a reply that is not a JSON object");
        }

        if (reply.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return new SlackOutcome.Done(reply);
        }

        string error = reply.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "no error given";
        return error switch
        {
            // Slack's own words: "it's possible some aspect of the operation succeeded before the error was raised".
            "internal_error" or "fatal_error" => new SlackOutcome.Unknown(error),
            "ratelimited" or "service_unavailable" => new SlackOutcome.NotSent(error),
            _ => new SlackOutcome.Refused(error),
        };
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxReplyBytes)
            {
                throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"Slack's reply is over {MaxReplyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } retryAfter
            ? retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : null)
            : null;

    private static TimeSpan Clamp(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryAfter ? MaxRetryAfter : delay;
}
