namespace BriefBot.Channels.Slack;

/// <summary>
/// Keeps to Slack's "about one message per second per channel" for <c>chat.postMessage</c>: each post reserves the
/// next free second of its channel and waits for it.
/// </summary>
internal sealed class SlackPacer(TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private const int ForgetAbove = 10_000;

    private readonly Dictionary<string, DateTimeOffset> _nextFree = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _swept;

    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset slot;
        lock (_lock)
        {
            // Idle channels are forgotten at most once an interval: with more than ForgetAbove channels busy within
            // the last second, sweeping on every post would scan them all each time.
            if (_nextFree.Count > ForgetAbove && now - _swept >= Interval)
            {
                _swept = now;
                foreach (var idle in _nextFree.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
                {
                    _nextFree.Remove(idle);
                }
            }

            slot = _nextFree.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextFree[channel] = slot + Interval;
        }

        return slot <= now ? Task.CompletedTask : Task.Delay(slot - now, clock, cancellationToken);
    }
}
