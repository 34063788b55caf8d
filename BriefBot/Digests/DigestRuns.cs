using BriefBot.Storage;

namespace BriefBot.Digests;

/// <summary>A claim on one (subscription, local day) digest: the documents to cover are those after <see cref="Since"/>.</summary>
internal sealed record DigestClaim(long SubscriptionId, DateOnly LocalDate, DateTimeOffset Since, DateTimeOffset CoveredUntil, int Attempt);

/// <summary>
/// Each (subscription, local day) digest is recorded as "sending" before it goes out and "sent" after. A run left
/// "sending" (the process died in between) or "failed" is tried once more, never again: a crash costs at most one
/// duplicate, and no day is sent twice otherwise.
/// </summary>
internal sealed class DigestRuns(Database database, TimeProvider clock)
{
    public const int MaxAttempts = 2;

    /// <summary>Claims the day's run; null when it was sent already or has had its attempts.</summary>
    public async Task<DigestClaim?> TryClaimAsync(DigestSubscription subscription, DateOnly localDate, DateTimeOffset firstSince, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            INSERT INTO digest_runs (subscription_id, local_date, state, attempts, covered_until, started_at)
            VALUES ($id, $date, 'sending', 1, $now, $now)
            ON CONFLICT (subscription_id, local_date) DO UPDATE SET state = 'sending', attempts = attempts + 1,
                covered_until = excluded.covered_until, started_at = excluded.started_at, finished_at = NULL
            WHERE state <> 'sent' AND attempts < $max
            RETURNING attempts
            """,
            ("$id", subscription.Id), ("$date", localDate.ToString("yyyy-MM-dd")), ("$now", now.ToUnixTimeMilliseconds()), ("$max", MaxAttempts));
        if (await command.ExecuteScalarAsync(cancellationToken) is not long attempt)
        {
            return null;
        }

        var since = await PreviousDigestAsync(subscription.Id, cancellationToken) ?? firstSince;
        return new DigestClaim(subscription.Id, localDate, since, now, (int)attempt);
    }

    /// <summary>What the last digest sent covered: documents indexed up to this instant; null before the first.</summary>
    public async Task<DateTimeOffset?> PreviousDigestAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT MAX(covered_until) FROM digest_runs WHERE subscription_id = $id AND state = 'sent'", ("$id", subscriptionId));
        return await command.ExecuteScalarAsync(cancellationToken) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public Task MarkSentAsync(DigestClaim claim, CancellationToken cancellationToken) => FinishAsync(claim, "sent", cancellationToken);

    public Task MarkFailedAsync(DigestClaim claim, CancellationToken cancellationToken) => FinishAsync(claim, "failed", cancellationToken);

    /// <summary>The state of a day's run ("sending", "sent", "failed"), or null when none was started.</summary>
    public async Task<string?> StateAsync(long subscriptionId, DateOnly localDate, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT state FROM digest_runs WHERE subscription_id = $id AND local_date = $date",
            ("$id", subscriptionId), ("$date", localDate.ToString("yyyy-MM-dd")));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task FinishAsync(DigestClaim claim, string state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE digest_runs SET state = $state, finished_at = $now WHERE subscription_id = $id AND local_date = $date",
            cancellationToken,
            ("$state", state), ("$now", clock.GetUtcNow().ToUnixTimeMilliseconds()),
            ("$id", claim.SubscriptionId), ("$date", claim.LocalDate.ToString("yyyy-MM-dd")));
    }
}
