using BriefBot.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BriefBot.Bench.EndToEnd;

/// <summary>
/// The real BriefBot host (its own Program, services and routes) on Kestrel at a random 127.0.0.1 port, with its
/// index and database in a temp folder, plus the scenarios' floor routes — which exist only in this host, never in
/// BriefBot's Program.cs.
/// </summary>
/// <param name="settings">More settings, after the scenarios' (the fuzz run turns the playground on).</param>
/// <param name="services">More services (the fuzz run's error counter).</param>
internal sealed class BenchHost(
    string sources, string workFolder, IReadOnlyList<IChannelScenario> scenarios,
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public async Task<Uri> StartAsync()
    {
        // The host's content root (appsettings.json) is the bench's own output folder, wherever that was copied to.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRIEFBOT", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        using var client = CreateClient();
        for (int i = 0; i < 1_200; i++)
        {
            string health = await client.GetStringAsync("/healthz");
            if (health.Contains("\"index\":\"ready\"", StringComparison.Ordinal))
            {
                return client.BaseAddress!;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The host did not finish indexing in a minute.");
    }

    /// <summary>
    /// Asks the host's own <see cref="Knowledge"/> the questions, in a loop, for <paramref name="duration"/>: the
    /// answerer's code is then compiled at its final tier before any channel is measured, as in a server that has been
    /// up for a while, instead of while the first channel's phases run.
    /// </summary>
    public void WarmUpAnswerer(IReadOnlyList<string> questions, TimeSpan duration)
    {
        var knowledge = Services.GetRequiredService<Knowledge>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; clock.Elapsed < duration; i++)
        {
            knowledge.Ask(questions[i % questions.Count]);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var all = new Dictionary<string, string?>
        {
            ["Search:Sources"] = sources,
            ["Search:IndexFolder"] = Path.Combine(workFolder, "host-index"),
            ["Storage:Path"] = Path.Combine(workFolder, "host.db"),
            // The per-question Information lines would measure the console, not BriefBot.
            ["Logging:LogLevel:Default"] = "Warning",
            // "Degraded while indexing" is expected while the bench waits for the index.
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Error",
        };
        foreach (var (key, value) in scenarios.SelectMany(s => s.HostSettings).Concat(settings ?? new Dictionary<string, string?>()))
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(replacements =>
        {
            replacements.AddSingleton<IStartupFilter>(new FloorRoutes(scenarios));
            foreach (var scenario in scenarios)
            {
                scenario.ConfigureServices(replacements);
            }

            services?.Invoke(replacements);
        });
    }

    /// <summary>Maps each scenario's floor handler ahead of BriefBot's own pipeline.</summary>
    private sealed class FloorRoutes(IReadOnlyList<IChannelScenario> scenarios) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            foreach (var scenario in scenarios)
            {
                app.Map(scenario.FloorRoute, floor => floor.Run(scenario.HandleFloorAsync));
            }

            next(app);
        };
    }
}
