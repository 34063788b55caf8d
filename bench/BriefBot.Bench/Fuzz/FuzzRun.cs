using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BriefBot.Bench.EndToEnd;
using BriefBot.Bench.Reporting;

namespace BriefBot.Bench.Fuzz;

/// <summary>What one route answered to its mutated payloads.</summary>
internal sealed record RouteResult(string Route, int Sent, IReadOnlyDictionary<int, int> Statuses, int TransportErrors, TimeSpan Elapsed, IReadOnlyList<string> ServerErrorMutations)
{
    /// <summary>5xx, except 501: BriefBot's protocol answer to an invoke it does not handle, counted apart.</summary>
    public int ServerErrors => Statuses.Where(s => s.Key >= 500 && s.Key != NotImplemented).Sum(s => s.Value);

    public const int NotImplemented = 501;
}

/// <summary>
/// The robustness run (<c>--fuzz</c>): the real host with every route on (Teams with authentication against a fake
/// Connector, Slack against a fake Web API, the playground's Direct Line), then per route at most N mutated real
/// payloads within a time bound, four in flight; statuses per route, 5xx, crashes (exceptions the host logged that
/// were not failed outbound calls), whether the host is still healthy, and memory before and after.
/// </summary>
internal static class FuzzRun
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(70);

    public static async Task<int> RunAsync(FuzzOptions options)
    {
        var seeds = FuzzSeeds.Load(options.Fixtures);
        string work = Path.Combine(Path.GetTempPath(), "briefbot-fuzz-" + Guid.NewGuid().ToString("n")[..8]);
        Directory.CreateDirectory(options.Out);
        var began = DateTimeOffset.UtcNow;
        var slack = await SlackScenario.StartAsync();
        var teams = await TeamsScenario.StartAsync();
        var errors = new ErrorCounter();
        try
        {
            await using var host = new BenchHost(Path.Combine(AppContext.BaseDirectory, "seeds"), work, [slack, teams],
                new Dictionary<string, string?>
                {
                    ["Playground:Enabled"] = "true",
                    // Refusals are the point of the run and each is logged as a warning; errors are counted.
                    ["Logging:LogLevel:Default"] = "Error",
                }, services => services.AddSingleton<ILoggerProvider>(errors));
            var address = await host.StartAsync();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var (conversation, token) = await StartDirectLineAsync(client);
            var targets = new FuzzTargets(teams, slack, conversation, token);

            // The real payloads once each, unmutated, so that what loads on first use (the index snapshot, the word
            // vectors, the database, the clients) is in place before memory is first measured.
            foreach (string route in FuzzTargets.Routes)
            {
                foreach (var (seed, i) in seeds[route].Select((s, i) => (s, i)))
                {
                    var plain = targets.Prepare(route, seed, 9_000_000 + i);
                    using var request = targets.Request(route, new FuzzRequest(Mutator.Write(seed.Kind, plain), Mutator.ContentTypeOf(seed.Kind), true, "none"));
                    using var response = await client.SendAsync(request);
                }
            }

            await QuietAsync(teams, slack);
            var before = Memory();
            var results = new List<RouteResult>();
            for (int r = 0; r < FuzzTargets.Routes.Length; r++)
            {
                string route = FuzzTargets.Routes[r];
                results.Add(await FuzzAsync(client, targets, route, seeds[route], options, r));
                Console.Error.WriteLine($"{route}: {results[^1].Sent} sent in {results[^1].Elapsed.TotalSeconds:0.0} s");
            }

            await QuietAsync(teams, slack);
            bool healthy = (await client.GetAsync("/healthz")).IsSuccessStatusCode;
            var after = Memory();

            // Buffers the run rented (ArrayPool, Kestrel's pool) go back after a minute without use; measured again
            // then, what stayed is what the run left behind.
            await Task.Delay(SettleTime);
            var settled = Memory();
            string report = Report(options, began, seeds, results, errors, healthy, [("before", before), ("right after", after), ($"{SettleTime.TotalSeconds:0} s later", settled)]);
            Console.WriteLine(report);
            File.WriteAllText(Path.Combine(options.Out, "fuzz.md"), report);
            Console.Error.WriteLine($"Wrote fuzz.md to {options.Out}");
            bool clean = healthy && errors.Crashes.IsEmpty && results.All(x => x.ServerErrors == 0 && x.TransportErrors == 0);
            return clean ? 0 : 1;
        }
        finally
        {
            await slack.DisposeAsync();
            await teams.DisposeAsync();
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static async Task<RouteResult> FuzzAsync(HttpClient client, FuzzTargets targets, string route, List<Seed> seeds, FuzzOptions options, int routeIndex)
    {
        var statuses = new ConcurrentDictionary<int, int>();
        var fiveHundreds = new ConcurrentQueue<string>();
        int transport = 0;
        long next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, FuzzOptions.Concurrency).Select(async _ =>
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) <= options.Count && clock.Elapsed < options.PerRoute)
            {
                // Each request's mutation depends only on the seed, the route and its number: a run can be repeated exactly.
                var rng = new Random(unchecked((int)((options.Seed * 1_000_003L) + (routeIndex * 7_919L * 1_000_000L) + (n * 2_654_435_761L))));
                var seed = seeds[(int)(n % seeds.Count)];
                var fuzz = Mutator.Mutate(seed, targets.Prepare(route, seed, n + (routeIndex * 1_000_000L)), rng);
                try
                {
                    using var request = targets.Request(route, fuzz);
                    using var response = await client.SendAsync(request);
                    int status = (int)response.StatusCode;
                    statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                    if (status >= 500 && status != RouteResult.NotImplemented && fiveHundreds.Count < 10)
                    {
                        fiveHundreds.Enqueue($"{seed.Name} / {fuzz.Mutation} -> {status}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref transport);
                    Console.Error.WriteLine($"{route}: {seed.Name} / {fuzz.Mutation}: {e.GetType().Name}: {e.Message}");
                }
            }
        }));

        int sent = statuses.Values.Sum() + transport;
        return new RouteResult(route, sent, new SortedDictionary<int, int>(statuses), transport, clock.Elapsed, [.. fiveHundreds]);
    }

    private static async Task<(string Conversation, string Token)> StartDirectLineAsync(HttpClient client)
    {
        using var started = await client.PostAsync("/v3/directline/conversations", null);
        started.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    // Acknowledged requests are answered in the background: wait until no reply has arrived for two seconds (at most a minute).
    private static async Task QuietAsync(TeamsScenario teams, SlackScenario slack)
    {
        long seen = -1;
        var until = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < until)
        {
            long now = teams.UnexpectedReplies + slack.UnexpectedReplies;
            if (now == seen)
            {
                return;
            }

            seen = now;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static (long Managed, long WorkingSet) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static string Report(
        FuzzOptions options, DateTimeOffset began, Dictionary<string, List<Seed>> seeds, List<RouteResult> results,
        ErrorCounter errors, bool healthy, IReadOnlyList<(string When, (long Managed, long WorkingSet) Bytes)> memory)
    {
        var codes = results.SelectMany(r => r.Statuses.Keys).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fuzzed {began:yyyy-MM-dd HH:mm} UTC in {(DateTimeOffset.UtcNow - began).TotalSeconds:0} s on {Machine.Describe()}: at most {options.Count} mutated payloads and {options.PerRoute.TotalSeconds:0} s per route, seed {options.Seed}, {FuzzOptions.Concurrency} in flight; fixtures from {options.Fixtures}.");
        text.AppendLine();
        text.AppendLine("| route | seeds | sent | " + string.Join(" | ", codes) + " | 5xx but 501 | transport errors |");
        text.AppendLine("|---|---:|---:|" + string.Concat(codes.Select(_ => "---:|")) + "---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Route}` | {seeds[r.Route].Count} | {r.Sent} | {string.Join(" | ", codes.Select(c => r.Statuses.GetValueOrDefault(c)))} | {r.ServerErrors} | {r.TransportErrors} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- responses 5xx (500, 502 and up): {results.Sum(r => r.ServerErrors)}{string.Concat(results.SelectMany(r => r.ServerErrorMutations).Select(m => $"\n  - {m}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- 501 Not Implemented, the Bot Framework's answer to a well-formed invoke BriefBot does not handle (`task/fetch`, …): {results.Sum(r => r.Statuses.GetValueOrDefault(RouteResult.NotImplemented))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- crashes (exceptions logged that were not failed outbound calls): {errors.Crashes.Values.Sum()}{Lines(errors.Crashes)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- other errors logged: {errors.Errors.Values.Sum()}{Lines(errors.Errors)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- host healthy afterwards (/healthz): {(healthy ? "yes" : "NO")}");
        var (_, first) = memory[0];
        text.AppendLine("- memory after a full GC (managed heap / working set):" + string.Concat(memory.Select(m =>
            $"\n  - {m.When}: {Mb(m.Bytes.Managed):0.0} MB ({Mb(m.Bytes.Managed - first.Managed):+0.0;-0.0}) / {Mb(m.Bytes.WorkingSet):0.0} MB ({Mb(m.Bytes.WorkingSet - first.WorkingSet):+0.0;-0.0})")));
        return text.ToString();
    }

    private static string Lines(ConcurrentDictionary<string, int> entries) =>
        string.Concat(entries.OrderByDescending(e => e.Value).Select(e => $"\n  - {e.Value} × {e.Key}"));

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
