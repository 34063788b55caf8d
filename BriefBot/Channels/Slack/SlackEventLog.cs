using BriefBot.Storage;

namespace BriefBot.Channels.Slack;

/// <summary>
/// The Slack events BriefBot has taken on, by <c>event_id</c> (and by message, so one message seen through two
/// subscriptions is answered once). Claiming an id twice fails, so a resend after a late acknowledgement or a restart
/// is not answered again; an event claimed but not yet answered when the host stopped is picked up at the next start.
/// </summary>
internal sealed class SlackEventLog(Database database, TimeProvider clock)
{
    public static readonly SchemaPart Schema = new("slack_events",
    [
        """
        CREATE TABLE slack_events (
            event_id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            message_ts TEXT NOT NULL,
            thread_ts TEXT NOT NULL,
            user_id TEXT,
            text TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            handled_at INTEGER,
            UNIQUE (channel, message_ts)
        );
        CREATE INDEX slack_events_received_at ON slack_events (received_at);
        """,
        "ALTER TABLE slack_events ADD COLUMN attempted_at INTEGER",
    ]);

    /// <returns>True when the event is new and is now this host's to answer.</returns>
    public async Task<bool> TryClaimAsync(SlackQuestion question, CancellationToken cancellationToken)
    {
        int inserted = await database.WriteAsync(connection => connection.ExecuteAsync(
            """
            INSERT INTO slack_events (event_id, channel, message_ts, thread_ts, user_id, text, received_at)
            VALUES ($event, $channel, $ts, $thread, $user, $text, $at)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken,
            ("$event", question.EventId), ("$channel", question.Channel), ("$ts", question.MessageTs), ("$thread", question.ThreadTs),
            ("$user", question.UserId), ("$text", question.Text), ("$at", Now())), cancellationToken);
        return inserted == 1;
    }

    /// <summary>Gives a claim back, for an event that could not be queued: Slack's next retry may then claim it.</summary>
    public Task ReleaseAsync(string eventId, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => connection.ExecuteAsync(
            "DELETE FROM slack_events WHERE event_id = $event", cancellationToken, ("$event", eventId)), cancellationToken);

    /// <summary>Notes that the answer is about to be posted: from now on a host taking the event up looks for that post first.</summary>
    public Task MarkAttemptedAsync(string eventId, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => connection.ExecuteAsync(
            "UPDATE slack_events SET attempted_at = $at WHERE event_id = $event AND attempted_at IS NULL", cancellationToken,
            ("$at", Now()), ("$event", eventId)), cancellationToken);

    public Task MarkHandledAsync(string eventId, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => connection.ExecuteAsync(
            "UPDATE slack_events SET handled_at = $at WHERE event_id = $event", cancellationToken, ("$at", Now()), ("$event", eventId)), cancellationToken);

    /// <summary>
    /// Claimed events received since <paramref name="since"/> that were never handled, oldest first, each with whether
    /// its answer may have been posted (an attempt had begun).
    /// </summary>
    public async Task<List<(SlackQuestion Question, bool Attempted)>> UnhandledSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT event_id, channel, message_ts, thread_ts, user_id, text, attempted_at IS NOT NULL
            FROM slack_events WHERE handled_at IS NULL AND received_at >= $since ORDER BY received_at
            """,
            ("$since", since.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(SlackQuestion, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new SlackQuestion(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)), reader.GetInt64(6) != 0));
        }

        return rows;
    }

    /// <summary>Forgets events older than <paramref name="before"/>; Slack stops retrying long before.</summary>
    public async Task<int> ForgetBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM slack_events WHERE received_at < $before", cancellationToken,
            ("$before", before.ToUnixTimeMilliseconds()));
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
