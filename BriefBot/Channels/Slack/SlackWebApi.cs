using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>How a post ended: <see cref="Ts"/> is set when it is in the channel.</summary>
internal enum SlackPostStatus
{
    /// <summary>In the channel, posted now or found there.</summary>
    Posted,

    /// <summary>Slack refused it for good (<c>not_in_channel</c>, <c>channel_not_found</c>, …): sending it again would not help.</summary>
    Refused,

    /// <summary>Not known to be in the channel after every attempt: to be tried again later, looking first.</summary>
    NotYet,
}

internal sealed record SlackPost(SlackPostStatus Status, string? Ts = null);

/// <summary>
/// BriefBot's calls to Slack: <c>chat.postMessage</c> and <c>chat.update</c> with the bot token, and posts to a slash
/// command's <c>response_url</c>, each retried as <see cref="SlackCalls"/> says. A post lands once: it carries its
/// <see cref="SlackPostId"/> as metadata, and one whose fate is unknown (a timeout, a 5xx, a reply that is not JSON)
/// is looked for with <see cref="SlackPostLookup"/> before it is sent again.
/// </summary>
internal sealed class SlackWebApi(
    SlackCalls calls, SlackPostLookup lookup, IOptions<SlackOptions> options, SlackPacer pacer, TimeProvider clock, ILogger<SlackWebApi> logger)
{
    /// <summary>Posts into a channel or DM: in the thread <paramref name="threadTs"/>, or as a new message when it is null.</summary>
    public async Task<SlackPost> PostAsync(string channel, string? threadTs, SlackMessage message, SlackPostId id, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        body["metadata"] = id.Metadata();
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        bool mayHaveLanded = id.MayHaveLanded;
        for (int attempt = 1; attempt <= SlackCalls.MaxAttempts; attempt++)
        {
            if (mayHaveLanded)
            {
                switch (await lookup.FindAsync(channel, threadTs, id, cancellationToken))
                {
                    case SlackLookup.Found { Ts: var found }:
                        logger.LogInformation("Slack post {PostId} in channel {Channel} was already there; not posting it again", id.Id, channel);
                        return new SlackPost(SlackPostStatus.Posted, found);
                    case SlackLookup.Failed { Outcome: var failed }:
                        logger.LogWarning("Could not tell whether Slack post {PostId} is in channel {Channel} ({Outcome}); leaving it for later", id.Id, channel, failed);
                        return new SlackPost(SlackPostStatus.NotYet);
                }
            }

            await pacer.WaitTurnAsync(channel, cancellationToken);
            switch (await ChatAsync("chat.postMessage", body, repeatable: false, cancellationToken))
            {
                case SlackOutcome.Done { Reply: var reply }:
                    return new SlackPost(SlackPostStatus.Posted, reply.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString() : "");
                case SlackOutcome.Refused { Error: var error }:
                    logger.LogWarning("Slack refused post {PostId} in channel {Channel}: {Error}", id.Id, channel, error);
                    return new SlackPost(SlackPostStatus.Refused);
                case SlackOutcome.Unknown { Reason: var reason }:
                    // Give the post a moment to show in the channel, then look for it rather than post it twice.
                    logger.LogWarning("Slack post {PostId} in channel {Channel} may or may not have landed ({Reason}); looking for it before posting again",
                        id.Id, channel, reason);
                    mayHaveLanded = true;
                    await Task.Delay(SlackCalls.BackOff(attempt), clock, cancellationToken);
                    break;
                case var notSent:
                    logger.LogWarning("Slack post {PostId} in channel {Channel} could not be sent ({Outcome}); leaving it for later", id.Id, channel, notSent);
                    return new SlackPost(SlackPostStatus.NotYet);
            }
        }

        return new SlackPost(SlackPostStatus.NotYet);
    }

    /// <summary><c>chat.update</c>: puts <paramref name="message"/> in place of the bot's message <paramref name="ts"/>; repeatable, so retried as a read is.</summary>
    /// <returns>True when Slack answered <c>ok: true</c>.</returns>
    public async Task<bool> UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["channel"] = channel;
        body["ts"] = ts;
        await pacer.WaitTurnAsync(channel, cancellationToken);
        var outcome = await ChatAsync("chat.update", body, repeatable: true, cancellationToken);
        if (outcome is not SlackOutcome.Done)
        {
            logger.LogWarning("Slack chat.update of a message in channel {Channel} did not go through: {Outcome}", channel, outcome);
        }

        return outcome is SlackOutcome.Done;
    }

    /// <returns>True when the response URL took the message.</returns>
    public async Task<bool> RespondAsync(SlackResponseUrl destination, SlackMessage message, string responseType, CancellationToken cancellationToken)
    {
        var body = message.ToJson();
        body["response_type"] = responseType;
        var outcome = await calls.CallAsync("response_url", () => new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = JsonContent.Create(body),
        }, json: false, repeatable: true, cancellationToken);
        if (outcome is not SlackOutcome.Done)
        {
            logger.LogWarning("A Slack response_url did not take the answer: {Outcome}", outcome);
        }

        return outcome is SlackOutcome.Done;
    }

    private Task<SlackOutcome> ChatAsync(string method, JsonObject body, bool repeatable, CancellationToken cancellationToken) =>
        calls.CallAsync(method, () => new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken) },
        }, json: true, repeatable, cancellationToken);
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
