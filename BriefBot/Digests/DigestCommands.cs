using BriefBot.Conversation;
using Microsoft.Extensions.Options;

namespace BriefBot.Digests;

/// <summary>
/// <c>digest on [HH:MM] [Zone] [quiet]</c>, <c>digest off</c>, <c>digest now</c>, for any channel: a channel hands
/// over the message (and what it needs to post there later) before treating the text as a question.
/// </summary>
internal sealed class DigestCommands(
    SubscriptionStore subscriptions, DigestRuns runs, DigestComposer composer, IOptions<DigestOptions> options, TimeProvider clock)
{
    /// <summary>The digest lines of <c>help</c>, to list beside <c>ConversationService.Commands</c>.</summary>
    public static readonly IReadOnlyList<(string Command, string Description)> Commands =
    [
        ("digest on [HH:MM] [Time/Zone] [quiet]", "a morning post here of what is new in the sources"),
        ("digest off", "no more digests here"),
        ("digest now", "the digest at once"),
    ];

    /// <summary>The reply to a digest command, or null when the message is not one.</summary>
    /// <param name="message">The message, mention removed.</param>
    /// <param name="reference">What the channel needs to post into this conversation unprompted; stored with the subscription.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<BotReply?> TryHandleAsync(IncomingMessage message, string? reference, CancellationToken cancellationToken)
    {
        switch (DigestCommand.Parse(message.Text))
        {
            case null:
                return null;
            case DigestCommand.Invalid invalid:
                return new TextReply(invalid.Message);
            case DigestCommand.Off:
                bool removed = await subscriptions.RemoveAsync(message.Channel, message.ConversationId, cancellationToken);
                return new TextReply(removed ? "Daily digest off for this conversation." : "This conversation had no daily digest.");
            case DigestCommand.Now:
                return new DigestReply(await NowAsync(message, cancellationToken));
            case DigestCommand.On on:
                var existing = await subscriptions.FindAsync(message.Channel, message.ConversationId, cancellationToken);
                var defaults = options.Value;
                var saved = await subscriptions.SaveAsync(
                    message.Channel,
                    message.ConversationId,
                    on.Time ?? existing?.TimeOfDay ?? defaults.DefaultTimeOfDay(),
                    on.TimeZone ?? existing?.TimeZone ?? defaults.DefaultTimeZone,
                    on.Quiet is { } quiet ? !quiet : existing?.SayNothingNew ?? defaults.SayNothingNew,
                    reference,
                    cancellationToken);
                return new TextReply(
                    $"Daily digest on: every day at {saved.TimeOfDay:HH:mm} ({saved.TimeZone}), next on " +
                    $"{TimeZoneInfo.ConvertTime(DigestSchedule.NextDue(saved, clock.GetUtcNow()), saved.Zone):ddd d MMM}. " +
                    (saved.SayNothingNew ? "Quiet days get a one-line \u201Cnothing new\u201D." : "Quiet days get no post."));
            default:
                throw new InvalidOperationException("Unknown digest command.");
        }
    }

    // What the next digest would hold right now; it does not count as sent, so the scheduled digest still covers it.
    private async Task<Digest> NowAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscription = await subscriptions.FindAsync(message.Channel, message.ConversationId, cancellationToken)
            ?? new DigestSubscription(0, message.Channel, message.ConversationId, options.Value.DefaultTimeOfDay(), options.Value.DefaultTimeZone, true, null, now);
        var since = subscription.Id == 0 ? null : await runs.PreviousDigestAsync(subscription.Id, cancellationToken);
        return await composer.ComposeAsync(subscription, DigestSchedule.LocalDate(subscription, now), since ?? now.AddDays(-1), cancellationToken);
    }
}
