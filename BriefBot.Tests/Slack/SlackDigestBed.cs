using BriefBot.Search;
using BriefBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefBot.Tests.Slack;

/// <summary>
/// The real host with Slack on, a fake clock that drives the digest schedule, and a sources folder of its own to
/// publish into. Starts on 9 June 2026 at 05:00 UTC and moves to 05:10 on the 10th, so the documents indexed at
/// start are older than anything a digest covers.
/// </summary>
internal sealed class SlackDigestBed : IAsyncDisposable
{
    /// <summary>10 June 2026, 06:00 UTC: 08:00 in Berlin.</summary>
    public static readonly DateTimeOffset DueTime = new(2026, 6, 10, 6, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _sources;

    private SlackDigestBed(SlackBed bed, FakeTimeProvider clock, TempFolder sources)
    {
        Bed = bed;
        Clock = clock;
        _sources = sources;
    }

    public SlackBed Bed { get; }

    public FakeTimeProvider Clock { get; }

    public FakeSlackApi Slack => Bed.Slack;

    public static async Task<SlackDigestBed> StartAsync(int maxDocuments = 10)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 9, 5, 0, 0, TimeSpan.Zero));
        var sources = new TempFolder();
        sources.Write("welcome.md", "# Welcome\n\nThe sources folder holds the handbook and the policies of the company.\n");
        var bed = await SlackBed.StartAsync(clock: clock, sources: sources.Path, settings: new Dictionary<string, string?>
        {
            ["Digests:PollSeconds"] = "1",
            ["Digests:MaxDocuments"] = maxDocuments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        clock.SetUtcNow(DueTime.AddMinutes(-50));
        return new SlackDigestBed(bed, clock, sources);
    }

    /// <summary>Writes documents into the sources and indexes them at the clock's time, as a refresh would.</summary>
    public void Publish(params (string Name, string Text)[] documents)
    {
        foreach (var (name, text) in documents)
        {
            _sources.Write(name, text);
        }

        Bed.Host.Services.GetRequiredService<Knowledge>().Refresh();
    }

    /// <summary>New messages (not thread replies) posted into <paramref name="channel"/>: digests.</summary>
    public IReadOnlyList<SlackCall> Digests(string channel) =>
        [.. Slack.Posts.Where(c => c.Channel == channel && c.ThreadTs is null)];

    /// <summary>
    /// Moves the clock on a second at a time (one digest poll, one paced post) until <paramref name="done"/> holds.
    /// </summary>
    public Task AdvanceUntilAsync(Func<bool> done, int maxSeconds = 600) => Clock.AdvanceUntilAsync(
        done, () => "Slack saw: " + string.Join(", ", Slack.Calls.Select(c => $"{c.Method} {c.Channel}")), maxSeconds);

    /// <summary>Moves the clock to just before the due time (<paramref name="days"/> later), then on until <paramref name="done"/> holds.</summary>
    public Task AdvanceToDueTimeUntilAsync(Func<bool> done, int days = 0)
    {
        Clock.SetUtcNow(DueTime.AddDays(days).AddSeconds(-2));
        return AdvanceUntilAsync(done);
    }

    /// <summary>Lets the schedule poll a few more times, to show that nothing else goes out.</summary>
    public Task PollAgainAsync(int times = 5)
    {
        int polls = 0;
        return AdvanceUntilAsync(() => polls++ == times);
    }

    public async ValueTask DisposeAsync()
    {
        await Bed.DisposeAsync();
        _sources.Dispose();
    }
}
