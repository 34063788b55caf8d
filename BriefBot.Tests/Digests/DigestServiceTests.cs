using BriefBot.Answers;
using BriefBot.Digests;
using BriefBot.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static BriefBot.Tests.Digests.DigestScheduleTests;

namespace BriefBot.Tests.Digests;

public sealed class DigestServiceTests : IDisposable
{
    private readonly DigestWorld _world = new(Instant("2026-06-10T05:00:00Z"));
    private readonly IndexState _index = new();

    [Fact]
    public async Task OnStartTheServiceSendsTheDigestThatFellDueWhileItWasDownOnce()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T09:00:00Z"));
        _index.MarkReady(new IndexReport(0, 0, 0, 0, 0, TimeSpan.Zero));
        using var service = Service();

        await service.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _world.Teams.Sent.Count == 1);
        for (int i = 0; i < 10; i++)
        {
            _world.Clock.Advance(TimeSpan.FromSeconds(_world.Options.PollSeconds));
            await Task.Yield();
        }

        await service.StopAsync(CancellationToken.None);
        Assert.Single(_world.Teams.Sent);
    }

    [Fact]
    public async Task TheServiceWaitsForTheStartUpIndexingThenSendsOnTheClock()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));
        using var service = Service();

        await service.StartAsync(CancellationToken.None);
        _world.Clock.Advance(TimeSpan.FromSeconds(_world.Options.PollSeconds));
        Assert.Empty(_world.Teams.Sent);

        _index.MarkReady(new IndexReport(0, 0, 0, 0, 0, TimeSpan.Zero));
        await WaitUntilAsync(() =>
        {
            _world.Clock.Advance(TimeSpan.FromSeconds(_world.Options.PollSeconds));
            return _world.Teams.Sent.Count == 1;
        });

        await service.StopAsync(CancellationToken.None);
        Assert.Single(_world.Teams.Sent);
    }

    private DigestService Service() =>
        new(_world.Scheduler, _index, _world.Clock, Options.Create(_world.Options), NullLogger<DigestService>.Instance);

    // The service runs on its own task; give it real time to get there, advancing only the fake clock in between.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    public void Dispose() => _world.Dispose();
}
