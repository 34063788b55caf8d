using Microsoft.Extensions.Time.Testing;

namespace BriefBot.Tests.Fakes;

/// <summary>Moves a host's fake clock on the way its timers expect: a second at a time, with room for them to run.</summary>
internal static class FakeClockSteps
{
    /// <summary>
    /// Advances <paramref name="clock"/> a second at a time until <paramref name="done"/> holds; after
    /// <paramref name="maxSeconds"/> fails, saying what the fake services saw (<paramref name="seen"/>).
    /// </summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> done, Func<string> seen, int maxSeconds)
    {
        for (int second = 0; second < maxSeconds; second++)
        {
            if (done())
            {
                return;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(15);
        }

        Assert.Fail($"Still waiting after {maxSeconds} s of the fake clock; {seen()}");
    }
}
