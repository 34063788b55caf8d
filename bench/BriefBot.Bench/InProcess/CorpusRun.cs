using System.Text.Json.Nodes;
using BriefBot.Bench.Measuring;
using BriefBot.Search;

namespace BriefBot.Bench.InProcess;

/// <summary>What to measure in one child process: the SQuAD corpus (a folder) or a synthetic corpus of a size.</summary>
internal sealed record CorpusSpec(string Name, string? SquadFolder, int SyntheticPassages, int Questions);

/// <summary>
/// Measures one corpus through the public <see cref="Knowledge"/> API: index build (Open + Refresh + Dispose of a fresh
/// index; the median of five for SQuAD; for synthetic corpora, one Refresh of the whole folder, generated beforehand
/// <see cref="BatchPassages"/> passages at a time), then answer latency one question at a time, after a warm-up that is
/// not counted.
/// </summary>
internal static class CorpusRun
{
    public const int BatchPassages = 100_000;
    private const int Seed = 20_261_130;
    // Enough calls for tiered compilation to reach optimised code with dynamic PGO, as a server that has run a while.
    private const int WarmUpQuestions = 1000;

    /// <summary>A small corpus builds in well under a second, so it is built this many times and the median taken.</summary>
    private const int SmallCorpusBuilds = 5;

    /// <summary>Builds before the measured ones, so the indexing code is optimised as in a server that has run a while.</summary>
    private const int WarmUpBuilds = 5;

    public static CorpusResult Measure(CorpusSpec spec, string workFolder)
    {
        using var probe = new MemoryProbe();
        WarmUp(workFolder);

        if (spec.SquadFolder is { } squad)
        {
            string corpus = Path.Combine(squad, "corpus");
            for (int i = 1; i <= WarmUpBuilds; i++)
            {
                Build(corpus, Path.Combine(workFolder, $"warm-up-build-{i}"));
            }

            var times = Enumerable.Range(1, SmallCorpusBuilds).Select(i => Build(corpus, Path.Combine(workFolder, $"index-{i}"))).Order().ToList();
            return Ask(spec, workFolder, corpus, FolderBytes(corpus), times[times.Count / 2], null, probe);
        }

        string sources = Path.Combine(workFolder, "sources");
        Directory.CreateDirectory(sources);
        var synthetic = new SyntheticCorpus(Seed);
        long sourceBytes = 0;
        double indexMs = 0;
        for (int written = 0; written < spec.SyntheticPassages; written += BatchPassages)
        {
            sourceBytes += synthetic.Write(sources, Math.Min(BatchPassages, spec.SyntheticPassages - written));
        }

        using (var knowledge = Open(sources, Path.Combine(workFolder, $"index-{SmallCorpusBuilds}")))
        {
            long start = Clock.Now;
            knowledge.Refresh();
            indexMs += Clock.MillisecondsSince(start);
        }

        return Ask(spec, workFolder, sources, sourceBytes, indexMs, synthetic, probe);
    }

    private static Knowledge Open(string sources, string index) =>
        Knowledge.Open(new KnowledgeOptions { SourceFolder = sources, IndexFolder = index });

    // One build of a fresh index: open, refresh, close; in milliseconds.
    private static double Build(string sources, string index)
    {
        long start = Clock.Now;
        using var knowledge = Open(sources, index);
        knowledge.Refresh();
        return Clock.MillisecondsSince(start);
    }

    private static CorpusResult Ask(
        CorpusSpec spec, string workFolder, string sources, long sourceBytes, double indexMs, SyntheticCorpus? synthetic, MemoryProbe probe)
    {
        string index = Path.Combine(workFolder, $"index-{SmallCorpusBuilds}");
        using var knowledge = Open(sources, index);
        var questions = synthetic?.Questions(WarmUpQuestions + spec.Questions) ?? SquadQuestions(spec.SquadFolder!, WarmUpQuestions + spec.Questions);
        var (latency, answered) = AskAll(knowledge, questions);
        var stats = knowledge.Stats();
        long indexBytes = FolderBytes(index);
        return new CorpusResult(spec.Name, stats.Documents, stats.Passages, sourceBytes, indexMs / 1000, indexBytes, latency, answered, probe.Peak());
    }

    private static (Percentiles Latency, double Answered) AskAll(Knowledge knowledge, List<string> questions)
    {
        var samples = new List<double>(questions.Count);
        int answered = 0;
        for (int i = 0; i < questions.Count; i++)
        {
            long start = Clock.Now;
            var answer = knowledge.Ask(questions[i]);
            double ms = Clock.MillisecondsSince(start);
            if (i >= WarmUpQuestions)
            {
                samples.Add(ms);
                answered += answer.Status == AnswerStatus.Answered ? 1 : 0;
            }
        }

        return (Percentiles.Of(samples), samples.Count == 0 ? 0 : (double)answered / samples.Count);
    }

    // Compiles the indexing and answering paths on the bundled seeds, so the first measured call is not the JIT's.
    private static void WarmUp(string workFolder)
    {
        using var knowledge = Knowledge.Open(new KnowledgeOptions
        {
            SourceFolder = Path.Combine(AppContext.BaseDirectory, "seeds"),
            IndexFolder = Path.Combine(workFolder, "warm-up-index"),
        });
        knowledge.Refresh();
        for (int i = 0; i < 50; i++)
        {
            knowledge.Ask("What did Xi pledge to send to Ukraine?");
        }
    }

    /// <summary>The questions of SQuAD's dev.jsonl, cycled when more are wanted than it holds.</summary>
    private static List<string> SquadQuestions(string squadFolder, int count)
    {
        var all = File.ReadLines(Path.Combine(squadFolder, "dev.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonNode.Parse(line)?["question"]?.GetValue<string>() ?? "")
            .ToList();
        return [.. Enumerable.Range(0, count).Select(i => all[i % all.Count])];
    }

    private static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
