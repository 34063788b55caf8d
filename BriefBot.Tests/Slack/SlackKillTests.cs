using System.Net;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Host;
using Xunit.Abstractions;

namespace BriefBot.Tests.Slack;

/// <summary>
/// <c>kill -9</c> of <c>serve</c> in the middle of a burst of Slack events: every event acknowledged is answered by
/// the next process, and at most one per kill twice (an answer whose post had landed is looked for, not re-posted).
/// </summary>
public sealed class SlackKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Channels = 8;
    private const int EventsPerChannel = 5;
    private const int Kills = 2;
    private readonly TempFolder _state = new();

    [Fact]
    public async Task EveryEventOfABurstIsAnsweredAndAtMostOneTwicePerKill()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        // Slow answers keep posts under way (landed, not yet acknowledged) when the process dies: the duplicate window.
        slack.AnswerPostsAfter(TimeSpan.FromMilliseconds(300));
        var settings = slack.Settings(SlackFixtures.SigningSecret);
        settings["Storage:Path"] = _state.Combine("briefbot.db");
        settings["Search:IndexFolder"] = _state.Combine("index");
        settings["Search:Sources"] = TestPaths.Seeds;

        var events = Enumerable.Range(0, Channels * EventsPerChannel)
            .Select(i => (Id: $"EvKill{i:D2}", Channel: $"DKILL{i % Channels}", Ts: $"1700000{i:D3}.000100"))
            .ToList();
        var host = await BriefBotProcess.StartServingAsync(settings);
        try
        {
            using (var http = new HttpClient { BaseAddress = host.Url })
            {
                foreach (var e in events)
                {
                    var envelope = SlackFixtures.DirectMessageIn(e.Channel, SlackFixtures.SeedQuestion, e.Id);
                    envelope["event"]!["ts"] = e.Ts;
                    using var request = SlackFixtures.SignedEvent(envelope);
                    Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
                }
            }

            for (int kill = 1; kill <= Kills; kill++)
            {
                int before = Answered(slack, events).Count;
                await WaitUntilAsync(() => Answered(slack, events).Count >= before + 8, TimeSpan.FromSeconds(60));
                await host.KillAsync();
                output.WriteLine($"kill {kill}: {Answered(slack, events).Count} events answered when killed");
                await host.DisposeAsync();
                host = await BriefBotProcess.StartServingAsync(settings);
            }

            await WaitUntilAsync(() => Answered(slack, events).Count == events.Count, TimeSpan.FromSeconds(90));
        }
        finally
        {
            await host.DisposeAsync();
        }

        var copies = events.Select(e => slack.MessagesIn(e.Channel).Count(m => m.ThreadTs == e.Ts)).ToList();
        int duplicates = copies.Sum(c => Math.Max(0, c - 1));
        output.WriteLine($"{events.Count} events, {Kills} kills: {copies.Count(c => c >= 1)} answered, {duplicates} answered twice, "
            + $"{slack.Calls.Count(c => c.Method == "conversations.replies")} look-ups");
        Assert.All(copies, c => Assert.InRange(c, 1, 2));
        Assert.InRange(duplicates, 0, Kills);
    }

    /// <summary>The events with an answer in their thread (each question's ts is its thread).</summary>
    private static HashSet<string> Answered(FakeSlackApi slack, List<(string Id, string Channel, string Ts)> events) =>
        [.. events.Where(e => slack.MessagesIn(e.Channel).Any(m => m.ThreadTs == e.Ts)).Select(e => e.Id)];

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < timeout, $"Not done within {timeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _state.Dispose();
}
