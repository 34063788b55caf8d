using BriefBot.Channels.Slack;
using Microsoft.Extensions.Time.Testing;

namespace BriefBot.Tests.Slack;

/// <summary>About one message per second per channel, on a clock the test moves by hand.</summary>
public sealed class SlackPacerTests
{
    [Fact]
    public async Task ASecondPostToTheSameChannelWaitsASecondWhileAnotherChannelDoesNot()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SlackPacer(clock);

        var first = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var second = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var third = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var elsewhere = pacer.WaitTurnAsync("C2", CancellationToken.None);

        Assert.True(first.IsCompleted);
        Assert.True(elsewhere.IsCompleted);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await third;
    }

    [Fact]
    public void AChannelQuietForASecondPostsAtOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SlackPacer(clock);

        _ = pacer.WaitTurnAsync("C1", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(pacer.WaitTurnAsync("C1", CancellationToken.None).IsCompleted);
    }
}
