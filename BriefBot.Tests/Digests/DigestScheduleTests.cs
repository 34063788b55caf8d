using System.Globalization;
using BriefBot.Digests;

namespace BriefBot.Tests.Digests;

public sealed class DigestScheduleTests
{
    [Theory]
    // Europe/Berlin: CET (UTC+1) until 29 March 2026 02:00, CEST (UTC+2) until 25 October 2026 03:00.
    [InlineData("Europe/Berlin", "08:00", "2026-03-27T12:00:00Z", "2026-03-28T07:00:00Z")]
    [InlineData("Europe/Berlin", "08:00", "2026-03-28T12:00:00Z", "2026-03-29T06:00:00Z")]
    [InlineData("Europe/Berlin", "08:00", "2026-10-24T12:00:00Z", "2026-10-25T07:00:00Z")]
    // America/New_York: EST (UTC-5) until 8 March 2026 02:00, EDT (UTC-4) until 1 November 2026 02:00.
    [InlineData("America/New_York", "08:00", "2026-03-07T00:00:00Z", "2026-03-07T13:00:00Z")]
    [InlineData("America/New_York", "08:00", "2026-03-07T14:00:00Z", "2026-03-08T12:00:00Z")]
    [InlineData("America/New_York", "08:00", "2026-10-31T14:00:00Z", "2026-11-01T13:00:00Z")]
    public void TheDueTimeKeepsTheLocalClockAcrossDaylightSavingChanges(string zone, string time, string after, string due)
    {
        var subscription = Subscription(zone, time);

        Assert.Equal(Instant(due), DigestSchedule.NextDue(subscription, Instant(after)));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z")]
    [InlineData("America/New_York", "2026-03-07T12:00:00Z", "2026-03-08T07:00:00Z")]
    public void ATimeSkippedInSpringFallsDueWhenTheClocksResume(string zone, string after, string due)
    {
        var subscription = Subscription(zone, "02:30");

        Assert.Equal(Instant(due), DigestSchedule.NextDue(subscription, Instant(after)));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z")]
    [InlineData("America/New_York", "2026-10-31T12:00:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z")]
    public void ATimeThatHappensTwiceInAutumnFallsDueOnce(string zone, string after, string first, string next)
    {
        var subscription = Subscription(zone, zone == "Europe/Berlin" ? "02:30" : "01:30");

        var due = DigestSchedule.NextDue(subscription, Instant(after));

        Assert.Equal(Instant(first), due);
        Assert.Equal(Instant(next), DigestSchedule.NextDue(subscription, due));
        Assert.Equal(DigestSchedule.LocalDate(subscription, due), DigestSchedule.DueDay(subscription, due.AddHours(1)));
    }

    [Fact]
    public void ADigestIsDueOnlyOnItsOwnLocalDay()
    {
        var subscription = Subscription("America/New_York", "08:00");

        Assert.Null(DigestSchedule.DueDay(subscription, Instant("2026-06-10T11:59:00Z")));
        Assert.Equal(new DateOnly(2026, 6, 10), DigestSchedule.DueDay(subscription, Instant("2026-06-10T12:00:00Z")));
        Assert.Equal(new DateOnly(2026, 6, 10), DigestSchedule.DueDay(subscription, Instant("2026-06-11T03:59:00Z")));
        Assert.Null(DigestSchedule.DueDay(subscription, Instant("2026-06-11T04:00:00Z")));
    }

    [Fact]
    public void NothingIsDueFromBeforeTheSubscriptionWasMade()
    {
        var subscription = Subscription("Europe/Berlin", "08:00") with { Since = Instant("2026-06-10T07:00:00Z") };

        Assert.Null(DigestSchedule.DueDay(subscription, Instant("2026-06-10T09:00:00Z")));
        Assert.Equal(new DateOnly(2026, 6, 11), DigestSchedule.DueDay(subscription, Instant("2026-06-11T06:00:00Z")));
    }

    internal static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DigestSubscription Subscription(string zone, string time) =>
        new(1, "msteams", "19:general", TimeOnly.Parse(time, CultureInfo.InvariantCulture), zone, true, null, DateTimeOffset.UnixEpoch);
}
