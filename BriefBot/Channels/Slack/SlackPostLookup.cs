using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>
/// Which message BriefBot means to post, so that a post whose fate is unknown can be looked for before it is sent
/// again. <see cref="Id"/> travels with the message as its metadata.
/// </summary>
/// <param name="Id">Unique per message: the event and the part (<c>Ev123/1</c>), or the digest run and the part.</param>
/// <param name="NotBefore">A Slack ts the message cannot be older than; bounds the search of a channel's history.</param>
/// <param name="MayHaveLanded">An earlier host may have sent it already: look before the first post.</param>
internal sealed record SlackPostId(string Id, string NotBefore, bool MayHaveLanded = false)
{
    public const string EventType = "briefbot_reply";

    /// <summary><c>chat.postMessage</c>'s <c>metadata</c>: an event type of BriefBot's and the id as its payload.</summary>
    public System.Text.Json.Nodes.JsonObject Metadata() => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["post_id"] = Id },
    };

    /// <summary>The ts a post made now cannot be older than, a minute early for clocks that differ.</summary>
    public static string Now(TimeProvider clock) =>
        (clock.GetUtcNow().ToUnixTimeSeconds() - 60).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".000000";
}

/// <summary>What a look for a post found.</summary>
internal abstract record SlackLookup
{
    public sealed record Found(string Ts) : SlackLookup;

    public sealed record Absent : SlackLookup;

    public sealed record Failed(SlackOutcome Outcome) : SlackLookup;
}

/// <summary>
/// Looks for a message BriefBot posted, by the id in its metadata: in a thread with <c>conversations.replies</c>,
/// at the top of a channel with <c>conversations.history</c> (both with <c>include_all_metadata</c>, which needs the
/// <c>*:history</c> scopes). Reads at most <see cref="MaxPages"/> pages of <see cref="PageSize"/> messages.
/// </summary>
internal sealed class SlackPostLookup(SlackCalls calls, IOptions<SlackOptions> options)
{
    public const int PageSize = 200;
    public const int MaxPages = 5;

    public async Task<SlackLookup> FindAsync(string channel, string? threadTs, SlackPostId post, CancellationToken cancellationToken)
    {
        string method = threadTs is null ? "conversations.history" : "conversations.replies";
        string? cursor = null;
        for (int page = 0; page < MaxPages; page++)
        {
            var query = new Dictionary<string, string?>
            {
                ["channel"] = channel,
                ["include_all_metadata"] = "true",
                ["limit"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["oldest"] = post.NotBefore,
            };
            if (threadTs is not null)
            {
                query["ts"] = threadTs;
            }

            if (cursor is not null)
            {
                query["cursor"] = cursor;
            }

            var outcome = await calls.CallAsync(method, () => new HttpRequestMessage(HttpMethod.Get, QueryHelpers.AddQueryString(method, query))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken) },
            }, json: true, repeatable: true, cancellationToken);
            if (outcome is not SlackOutcome.Done { Reply: var reply })
            {
                return new SlackLookup.Failed(outcome);
            }

            if (Find(reply, post.Id) is { } ts)
            {
                return new SlackLookup.Found(ts);
            }

            cursor = reply.TryGetProperty("response_metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (string.IsNullOrEmpty(cursor))
            {
                return new SlackLookup.Absent();
            }
        }

        return new SlackLookup.Absent();
    }

    private static string? Find(JsonElement reply, string id)
    {
        if (!reply.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == SlackPostId.EventType
                && metadata.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("post_id", out var postId) && postId.ValueKind == JsonValueKind.String && postId.GetString() == id
                && message.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String)
            {
                return ts.GetString();
            }
        }

        return null;
    }
}
