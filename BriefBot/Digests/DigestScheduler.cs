namespace BriefBot.Digests;

/// <summary>
/// Sends every digest that is due now and not yet sent: claim the (subscription, local day) run, compose, send
/// through the channel's sender, record it as sent. Safe to call at any moment and from several replicas; the
/// claim in the database decides who sends.
/// </summary>
internal sealed class DigestScheduler(
    SubscriptionStore subscriptions,
    DigestRuns runs,
    DigestComposer composer,
    IEnumerable<IDigestSender> senders,
    TimeProvider clock,
    ILogger<DigestScheduler> logger)
{
    private readonly Dictionary<string, IDigestSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends what is due; returns how many digests went out.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        int sent = 0;
        foreach (var subscription in await subscriptions.AllAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            if (DueDay(subscription, now) is not { } day)
            {
                continue;
            }

            if (!_senders.TryGetValue(subscription.Channel, out var sender))
            {
                logger.LogWarning("No digest sender for channel {Channel}; subscription {SubscriptionId} waits", subscription.Channel, subscription.Id);
                continue;
            }

            // A first digest covers the day before it.
            var claim = await runs.TryClaimAsync(subscription, day, now.AddDays(-1), cancellationToken);
            if (claim is null)
            {
                continue;
            }

            sent += await SendAsync(subscription, sender, claim, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    // A zone the machine no longer knows (its tz database changed) must not stop the other subscriptions.
    private DateOnly? DueDay(DigestSubscription subscription, DateTimeOffset now)
    {
        try
        {
            return DigestSchedule.DueDay(subscription, now);
        }
        catch (TimeZoneNotFoundException)
        {
            logger.LogWarning("Subscription {SubscriptionId} names unknown time zone {TimeZone}; skipped", subscription.Id, subscription.TimeZone);
            return null;
        }
    }

    private async Task<bool> SendAsync(DigestSubscription subscription, IDigestSender sender, DigestClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var digest = await composer.ComposeAsync(subscription, claim.LocalDate, claim.Since, cancellationToken);
            bool post = !digest.IsEmpty || subscription.SayNothingNew;
            if (post)
            {
                await sender.SendAsync(subscription, digest, cancellationToken);
            }

            await runs.MarkSentAsync(claim, cancellationToken);
            logger.LogInformation(
                "Digest {LocalDate} for subscription {SubscriptionId} in {Channel}: {Outcome} with {Documents} documents (attempt {Attempt})",
                claim.LocalDate, subscription.Id, subscription.Channel, post ? "sent" : "skipped as empty", digest.Documents.Count, claim.Attempt);
            return post;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await runs.MarkFailedAsync(claim, CancellationToken.None);
            logger.LogError(ex, "Digest {LocalDate} for subscription {SubscriptionId} in {Channel} failed (attempt {Attempt})",
                claim.LocalDate, subscription.Id, subscription.Channel, claim.Attempt);
            return false;
        }
    }
}
