using BriefBot.Storage;
using Microsoft.Data.Sqlite;

namespace BriefBot.Digests;

/// <summary>Digest subscriptions in SQLite, one per (channel, conversation).</summary>
internal sealed class SubscriptionStore(Database database, TimeProvider clock)
{
    /// <summary>Subscribes a conversation, or changes its time, zone and setting; returns the stored subscription.</summary>
    /// <remarks>
    /// One statement writes and returns the row, so a <c>digest off</c> for the same conversation landing in between
    /// cannot leave the caller without one.
    /// </remarks>
    public async Task<DigestSubscription> SaveAsync(
        string channel, string conversationKey, TimeOnly timeOfDay, string timeZone, bool sayNothingNew, string? reference, CancellationToken cancellationToken)
    {
        var saved = await QueryAsync(
            """
            INSERT INTO digest_subscriptions (channel, conversation_key, time_of_day, time_zone, say_nothing_new, reference, since)
            VALUES ($channel, $key, $time, $zone, $say, $reference, $since)
            ON CONFLICT (channel, conversation_key) DO UPDATE SET time_of_day = excluded.time_of_day,
                time_zone = excluded.time_zone, say_nothing_new = excluded.say_nothing_new,
                reference = COALESCE(excluded.reference, reference), since = excluded.since
            RETURNING *
            """,
            cancellationToken,
            ("$channel", channel), ("$key", conversationKey), ("$time", timeOfDay.ToString("HH:mm")), ("$zone", timeZone),
            ("$say", sayNothingNew ? 1 : 0), ("$reference", reference), ("$since", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        return saved.Single();
    }

    /// <summary>Ends a subscription; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string channel, string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM digest_subscriptions WHERE channel = $channel AND conversation_key = $key",
            cancellationToken, ("$channel", channel), ("$key", conversationKey)) > 0;
    }

    public async Task<DigestSubscription?> FindAsync(string channel, string conversationKey, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT * FROM digest_subscriptions WHERE channel = $channel AND conversation_key = $key",
            cancellationToken, ("$channel", channel), ("$key", conversationKey))).SingleOrDefault();

    public Task<List<DigestSubscription>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT * FROM digest_subscriptions ORDER BY id", cancellationToken);

    private async Task<List<DigestSubscription>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DigestSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static DigestSubscription Read(SqliteDataReader reader) => new(
        reader.GetInt64(reader.GetOrdinal("id")),
        reader.GetString(reader.GetOrdinal("channel")),
        reader.GetString(reader.GetOrdinal("conversation_key")),
        TimeOnly.ParseExact(reader.GetString(reader.GetOrdinal("time_of_day")), "HH:mm"),
        reader.GetString(reader.GetOrdinal("time_zone")),
        reader.GetInt64(reader.GetOrdinal("say_nothing_new")) != 0,
        reader["reference"] as string,
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("since"))));
}
