using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BriefBot.Tests.Fakes;

/// <summary>A message the fake keeps in a channel, as Slack would show it.</summary>
/// <param name="ThreadTs">The thread it was posted in; null at the top of the channel.</param>
/// <param name="Metadata">The <c>metadata</c> it was posted with, if any.</param>
public sealed record SlackMessageKept(string Channel, string Ts, string? ThreadTs, string? Text, string Blocks, JsonObject? Metadata);

/// <summary>The fake's channels (the messages posted, read back with <c>conversations.*</c>) and its scripted faults.</summary>
public sealed partial class FakeSlackApi
{
    private const int DefaultPage = 100;
    private const int MaxPage = 999;

    private readonly List<SlackMessageKept> _messages = [];
    private readonly List<Fault> _faults = [];
    private readonly Lock _lock = new();

    private enum FaultKind
    {
        Status,
        HangBeforeActing,
        HangAfterActing,
        NotJson,
    }

    private sealed record Fault(string? Method, FaultKind Kind, int Status = 200, int? RetryAfterSeconds = null);

    /// <summary>What the channel shows: the messages posted there (the ones whose call hung or was garbled too), oldest first.</summary>
    public IReadOnlyList<SlackMessageKept> MessagesIn(string channel)
    {
        lock (_lock)
        {
            return [.. _messages.Where(m => m.Channel == channel)];
        }
    }

    /// <summary>The next <paramref name="times"/> Web API calls get 429 with <c>Retry-After: seconds</c>.</summary>
    public void RateLimitNext(int times, int retryAfterSeconds) => FailNext(times, 429, retryAfterSeconds);

    /// <summary>The next <paramref name="times"/> Web API calls get <paramref name="status"/>, with a Retry-After when given.</summary>
    public void FailNext(int times, int status, int? retryAfterSeconds = null) => Script(times, new Fault(null, FaultKind.Status, status, retryAfterSeconds));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> get <paramref name="status"/>.</summary>
    public void FailNext(string method, int times, int status) => Script(times, new Fault(method, FaultKind.Status, status));

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> never answer. When
    /// <paramref name="landed"/>, Slack carried the call out first (the message is in the channel), as when only the
    /// answer is lost.
    /// </summary>
    public void HangNext(string method, int times = 1, bool landed = true) =>
        Script(times, new Fault(method, landed ? FaultKind.HangAfterActing : FaultKind.HangBeforeActing));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> are carried out and answered 200 with an HTML page.</summary>
    public void AnswerNotJsonNext(string method, int times = 1) => Script(times, new Fault(method, FaultKind.NotJson));

    private void Script(int times, Fault fault)
    {
        lock (_lock)
        {
            _faults.RemoveAll(f => f.Method == fault.Method);
            _faults.AddRange(Enumerable.Repeat(fault, times));
        }
    }

    private Fault? TakeFault(string method)
    {
        lock (_lock)
        {
            int at = _faults.FindIndex(f => f.Method is null || f.Method == method);
            if (at < 0)
            {
                return null;
            }

            var fault = _faults[at];
            _faults.RemoveAt(at);
            return fault;
        }
    }

    private void Keep(string ts, JsonObject body)
    {
        lock (_lock)
        {
            _messages.Add(new SlackMessageKept(body["channel"]?.GetValue<string>() ?? "", ts, body["thread_ts"]?.GetValue<string>(),
                body["text"]?.GetValue<string>(), body["blocks"]?.ToJsonString() ?? "", body["metadata"]?.DeepClone().AsObject()));
        }
    }

    private void Change(string ts, JsonObject body)
    {
        lock (_lock)
        {
            int at = _messages.FindIndex(m => m.Ts == ts);
            if (at >= 0)
            {
                _messages[at] = _messages[at] with { Text = body["text"]?.GetValue<string>(), Blocks = body["blocks"]?.ToJsonString() ?? "" };
            }
        }
    }

    /// <summary>
    /// <c>conversations.replies</c> (a thread's parent, then its replies, oldest first) and <c>conversations.history</c>
    /// (the top of the channel, newest first): after <c>oldest</c>, <c>limit</c> at a time with a <c>next_cursor</c>.
    /// </summary>
    private IResult Read(string method, JsonObject query)
    {
        string channel = query["channel"]?.GetValue<string>() ?? "";
        string? thread = query["ts"]?.GetValue<string>();
        if (method == "conversations.replies" && thread is null)
        {
            return Results.Json(new { ok = false, error = "invalid_arguments" });
        }

        decimal oldest = decimal.TryParse(query["oldest"]?.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var o) ? o : 0;
        int limit = Math.Clamp(int.TryParse(query["limit"]?.GetValue<string>(), out int l) ? l : DefaultPage, 1, MaxPage);
        int offset = int.TryParse(query["cursor"]?.GetValue<string>(), out int c) ? c : 0;
        bool metadata = query["include_all_metadata"]?.GetValue<string>() is "true" or "1";

        List<JsonObject> all;
        lock (_lock)
        {
            var kept = _messages.Where(m => m.Channel == channel && Ts(m.Ts) > oldest);
            all = method == "conversations.replies"
                ? [new JsonObject { ["type"] = "message", ["user"] = "U2147483697", ["ts"] = thread, ["text"] = "the question" },
                    .. kept.Where(m => m.ThreadTs == thread).OrderBy(m => Ts(m.Ts)).Select(m => Shown(m, metadata))]
                : [.. kept.Where(m => m.ThreadTs is null).OrderByDescending(m => Ts(m.Ts)).Select(m => Shown(m, metadata))];
        }

        var page = all.Skip(offset).Take(limit).ToList();
        bool more = offset + page.Count < all.Count;
        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. page]),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : "" },
        });
    }

    private static JsonObject Shown(SlackMessageKept message, bool withMetadata)
    {
        var shown = new JsonObject
        {
            ["type"] = "message",
            ["bot_id"] = "B0FAKEBOT",
            ["ts"] = message.Ts,
            ["text"] = message.Text,
        };
        if (message.ThreadTs is not null)
        {
            shown["thread_ts"] = message.ThreadTs;
        }

        if (withMetadata && message.Metadata is not null)
        {
            shown["metadata"] = message.Metadata.DeepClone();
        }

        return shown;
    }

    private static decimal Ts(string ts) => decimal.Parse(ts, CultureInfo.InvariantCulture);
}
