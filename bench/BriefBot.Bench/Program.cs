using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Bench.EndToEnd;
using BriefBot.Bench.InProcess;
using BriefBot.Bench.Reporting;

namespace BriefBot.Bench;

/// <summary>The bench's entry point (a class of its own: BriefBot's top-level <c>Program</c> is the host under test).</summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 4 && args[0] == CorpusProcesses.ChildFlag && args[2] == "--work")
        {
            return CorpusProcesses.RunChild(args[1], args[3]);
        }

        if (args.Length == 2 && args[0] == "--documents")
        {
            // Reading rates per format (pages or passages a second) and peak memory; no index, no questions.
            return DocumentRates.Run(args[1]);
        }

        if (args.Length == 2 && args[0] == "--replot")
        {
            // Draws the plot again from a results.json, for example after a change to the plot alone.
            var saved = JsonNode.Parse(File.ReadAllText(Path.Combine(args[1], "results.json")))?["corpora"]?.Deserialize<List<CorpusResult>>(CorpusProcesses.Json) ?? [];
            LatencyPlot.Write(Path.Combine(args[1], "latency-vs-corpus.png"), saved);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--fuzz")
        {
            if (Fuzz.FuzzOptions.Parse(args) is not { } fuzz)
            {
                Console.Error.WriteLine(Fuzz.FuzzOptions.Usage);
                return 2;
            }

            return await Fuzz.FuzzRun.RunAsync(fuzz);
        }

        if (BenchOptions.Parse(args) is not { } options)
        {
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        Directory.CreateDirectory(options.Out);
        string work = Path.Combine(Path.GetTempPath(), "briefbot-bench-" + Guid.NewGuid().ToString("n")[..8]);
        string loadBefore = Machine.Load();
        var began = DateTimeOffset.UtcNow;
        var corpora = new List<CorpusResult>();
        var loads = new List<LoadResult>();
        int exitCode = 0;
        try
        {
            if (options.InProcess)
            {
                var specs = new List<CorpusSpec>();
                if (options.Squad is { } squad)
                {
                    specs.Add(new CorpusSpec("squad", squad, 0, options.Questions * 2));
                }

                specs.AddRange(options.SyntheticSizes.Select(n => new CorpusSpec($"synthetic-{LatencyPlot.Passages(n)}", null, n, options.Questions)));
                foreach (var spec in specs)
                {
                    Console.Error.WriteLine($"Measuring the {spec.Name} corpus…");
                    corpora.Add(await CorpusProcesses.RunAsync(spec, work));
                }
            }

            if (options.EndToEnd)
            {
                Console.Error.WriteLine("Measuring end to end over HTTP…");
                string sources = options.Squad is { } squad ? Path.Combine(squad, "corpus") : Path.Combine(AppContext.BaseDirectory, "seeds");
                List<string> questions = options.Squad is { } squadFolder
                    ? [.. File.ReadLines(Path.Combine(squadFolder, "dev.jsonl")).Take(2_000).Select(l => JsonNode.Parse(l)?["question"]?.GetValue<string>() ?? "")]
                    : ["What did Xi pledge to send to Ukraine?"];
                loads.AddRange(await EndToEndRun.RunAsync(options, sources, questions, work));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
        {
            // What was measured before the failure is still reported below.
            Console.Error.WriteLine($"The run stopped early: {ex}");
            exitCode = 1;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        string report = $"""
            Measured {began:yyyy-MM-dd HH:mm} UTC in {(DateTimeOffset.UtcNow - began).TotalSeconds:0} s ({(options.Full ? "full" : "quick")} run) on {Machine.Describe()}.
            Load average before: {loadBefore}; after: {Machine.Load()}.

            ## In-process

            {ResultTables.InProcess(corpora)}
            ## End to end over HTTP

            {ResultTables.EndToEnd(loads)}
            ## Targets

            {ResultTables.Checks(corpora, loads)}
            """;
        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(options.Out, "results.md"), report);
        File.WriteAllText(Path.Combine(options.Out, "results.json"), JsonSerializer.Serialize(new { corpora, loads }, CorpusProcesses.Json));
        if (corpora.Count > 0)
        {
            LatencyPlot.Write(Path.Combine(options.Out, "latency-vs-corpus.png"), corpora);
        }

        Console.Error.WriteLine($"Wrote results.md, results.json and latency-vs-corpus.png to {options.Out}");
        return exitCode;
    }
}
