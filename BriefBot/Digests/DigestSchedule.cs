using Cronos;

namespace BriefBot.Digests;

/// <summary>
/// When a subscription's digest falls due: daily at its time of day in its time zone, as a cron expression that
/// Cronos evaluates across daylight-saving changes (a time skipped in spring falls due when the clocks resume; a
/// time that happens twice in autumn falls due once, the first time).
/// </summary>
internal static class DigestSchedule
{
    public static CronExpression Daily(TimeOnly timeOfDay) => CronExpression.Parse($"{timeOfDay.Minute} {timeOfDay.Hour} * * *");

    /// <summary>The first due time after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextDue(DigestSubscription subscription, DateTimeOffset after) =>
        Daily(subscription.TimeOfDay).GetNextOccurrence(after, subscription.Zone, inclusive: false)
        ?? throw new InvalidOperationException("A daily schedule always has a next occurrence.");

    /// <summary>The latest due time at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset? LastDue(DigestSubscription subscription, DateTimeOffset now) =>
        Daily(subscription.TimeOfDay).GetPreviousOccurrence(now, subscription.Zone, inclusive: true);

    /// <summary>The calendar day of <paramref name="instant"/> in the subscription's zone.</summary>
    public static DateOnly LocalDate(DigestSubscription subscription, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, subscription.Zone).DateTime);

    /// <summary>
    /// The digest that should go out at <paramref name="now"/>, as its local day: the latest due time, if it came
    /// after the subscription was made and it is still that day in the subscription's zone. A digest missed for a
    /// whole day is not sent late; the next one covers its documents.
    /// </summary>
    public static DateOnly? DueDay(DigestSubscription subscription, DateTimeOffset now)
    {
        if (LastDue(subscription, now) is not { } due || due < subscription.Since)
        {
            return null;
        }

        var day = LocalDate(subscription, due);
        return day == LocalDate(subscription, now) ? day : null;
    }

    /// <summary>The instant a local day begins in the subscription's zone.</summary>
    public static DateTimeOffset StartOf(DigestSubscription subscription, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var zone = subscription.Zone;
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30); // a zone whose clocks jump at midnight starts the day later
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
