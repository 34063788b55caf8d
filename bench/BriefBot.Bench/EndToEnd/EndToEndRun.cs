namespace BriefBot.Bench.EndToEnd;

/// <summary>
/// Starts every scenario's fake, one BriefBot host pointed at all of them, then for each scenario and each N plays
/// the floor and BriefBot in turn (same process, same run), and finally one paced phase per scenario (when N = 8 is
/// among the Ns played).
/// </summary>
internal static class EndToEndRun
{
    public const int PacedConversations = 8;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    public static async Task<List<LoadResult>> RunAsync(BenchOptions options, string sources, IReadOnlyList<string> questions, string work)
    {
        var scenarios = new List<IChannelScenario>();
        foreach (var start in Scenarios.All)
        {
            scenarios.Add(await start());
        }

        var results = new List<LoadResult>();
        try
        {
            await using var host = new BenchHost(sources, work, scenarios);
            var address = await host.StartAsync();
            host.WarmUpAnswerer(questions, options.WarmUpDuration);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = address };
            var runner = new LoadRunner(client, questions);
            var limits = new LoadLimits(options.PhaseDuration, options.MaxTurnsPerPhase, ReplyTimeout);
            var warmUp = limits with { Duration = options.WarmUpDuration };
            var settle = limits with { Duration = options.SettleDuration };
            foreach (var scenario in scenarios)
            {
                await runner.RunAsync(scenario, "floor", scenario.FloorRoute, 8, paced: false, warmUp);
                await runner.RunAsync(scenario, "BriefBot", scenario.ProductRoute, 8, paced: false, warmUp);
                foreach (int n in options.Conversations)
                {
                    foreach (var (target, route) in new[] { ("floor", scenario.FloorRoute), ("BriefBot", scenario.ProductRoute) })
                    {
                        // Unmeasured, at this N: the first second after the load steps up from the last phase's N is
                        // a transient (thread pool, locks) that no steady server shows; Slack's p99 at N = 32 went from
                        // about 55 ms without it to 100-230 ms with it.
                        await runner.RunAsync(scenario, target, route, n, paced: false, settle);
                        results.Add(await runner.RunAsync(scenario, target, route, n, paced: false, limits));
                        Console.Error.WriteLine(Reporting.ResultTables.Line(results[^1]));
                    }
                }

                if (options.Conversations.Contains(PacedConversations))
                {
                    results.Add(await runner.RunAsync(scenario, "BriefBot", scenario.ProductRoute, PacedConversations, paced: true, limits));
                    Console.Error.WriteLine(Reporting.ResultTables.Line(results[^1]));
                }
            }
        }
        finally
        {
            foreach (var scenario in scenarios)
            {
                await scenario.DisposeAsync();
            }
        }

        return results;
    }
}
