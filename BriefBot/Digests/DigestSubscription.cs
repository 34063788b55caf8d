namespace BriefBot.Digests;

/// <summary>A conversation's wish for a daily digest.</summary>
/// <param name="Id">The row id.</param>
/// <param name="Channel">"msteams", "slack", ... as in <c>IncomingMessage.Channel</c>.</param>
/// <param name="ConversationKey">The channel's id of the conversation the digest goes to.</param>
/// <param name="TimeOfDay">When, in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">An IANA time zone id, such as "Europe/Berlin".</param>
/// <param name="SayNothingNew">Post a one-line "nothing new" on a quiet day (else post nothing).</param>
/// <param name="Reference">What the channel needs to post there unprompted (for Teams, the service URL); opaque here.</param>
/// <param name="Since">When the subscription was made or last changed; no digest falls due before it.</param>
internal sealed record DigestSubscription(
    long Id,
    string Channel,
    string ConversationKey,
    TimeOnly TimeOfDay,
    string TimeZone,
    bool SayNothingNew,
    string? Reference,
    DateTimeOffset Since)
{
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
