using System.Globalization;
using System.Text;
using BriefBot.Bench.EndToEnd;
using BriefBot.Bench.InProcess;

namespace BriefBot.Bench.Reporting;

/// <summary>The figures as Markdown tables, and the issue's targets checked against them.</summary>
internal static class ResultTables
{
    private const double MB = 1024 * 1024;

    public static string InProcess(IReadOnlyList<CorpusResult> corpora)
    {
        var text = new StringBuilder()
            .AppendLine("| corpus | documents | passages | source MB | index s | passages/s | index MB | p50 ms | p95 ms | p99 ms | max ms | answered | peak working set MB | peak managed MB |")
            .AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var c in corpora)
        {
            text.AppendLine(Row(c.Name, c.Documents, c.Passages, F(c.SourceBytes / MB, 1), F(c.IndexSeconds, 2),
                F(c.PassagesPerSecond, 0), F(c.IndexBytes / MB, 1), F(c.Answer.P50, 2), F(c.Answer.P95, 2), F(c.Answer.P99, 2), F(c.Answer.Max, 1),
                F(c.AnsweredShare * 100, 0) + "%", F(c.Memory.WorkingSetBytes / MB, 0), F(c.Memory.ManagedHeapBytes / MB, 0)));
        }

        return text.ToString();
    }

    public static string EndToEnd(IReadOnlyList<LoadResult> loads)
    {
        var text = new StringBuilder()
            .AppendLine("| channel | target | conversations | paced | replies | seconds | replies/s | vs floor | CPU ms/reply | KB/reply | p50 ms | p95 ms | p99 ms | max ms | errors | lost | unexpected |")
            .AppendLine("|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var l in loads)
        {
            var floor = Floor(loads, l);
            string ratio = l.Target == "floor" || floor is null ? "" : F(l.Throughput / floor.Throughput * 100, 0) + "%";
            text.AppendLine(Row(l.Channel, l.Target, l.Conversations, l.Paced ? "yes" : "no", l.Latency.Count, F(l.Seconds, 1), F(l.Throughput, 0), ratio,
                F(l.CpuMillisecondsPerReply, 2), F(l.AllocatedKilobytesPerReply, 0), F(l.Latency.P50, 1), F(l.Latency.P95, 1), F(l.Latency.P99, 1), F(l.Latency.Max, 1), l.Errors, l.Lost, l.Unexpected));
        }

        return text.ToString();
    }

    /// <summary>The issue's "Must show" targets that these figures can speak to, each with its verdict.</summary>
    public static string Checks(IReadOnlyList<CorpusResult> corpora, IReadOnlyList<LoadResult> loads)
    {
        var text = new StringBuilder();
        void Check(string target, bool met, string measured) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{(met ? "x" : " ")}] {target}: {measured}");

        if (corpora.FirstOrDefault(c => c.Name == "squad") is { } squad)
        {
            Check("SQuAD p50 <= 1 ms, p99 <= 5 ms", squad.Answer.P50 <= 1 && squad.Answer.P99 <= 5, $"p50 {F(squad.Answer.P50, 2)} ms, p99 {F(squad.Answer.P99, 2)} ms");
            Check("SQuAD index build >= 5,000 passages/s", squad.PassagesPerSecond >= 5_000, $"{F(squad.PassagesPerSecond, 0)} passages/s");
        }

        if (corpora.FirstOrDefault(c => c.Passages >= 1_000_000) is { } million)
        {
            Check("1M passages p99 <= 50 ms", million.Answer.P99 <= 50, $"p99 {F(million.Answer.P99, 1)} ms");
            Check("1M index < 2 GB on disk", million.IndexBytes < 2L << 30, $"{F(million.IndexBytes / MB, 0)} MB");
            Check("1M process < 2 GB of memory", million.Memory.WorkingSetBytes < 2L << 30, $"peak working set {F(million.Memory.WorkingSetBytes / MB, 0)} MB");
        }

        foreach (var l in loads.Where(l => l.Conversations == 32 && l.Target == "BriefBot" && !l.Paced))
        {
            var floor = Floor(loads, l);
            double share = floor is null ? 0 : l.Throughput / floor.Throughput;
            Check($"{l.Channel} at 32 conversations: p99 <= 50 ms, >= 50% of the floor, no errors, no lost replies",
                l.Latency.P99 <= 50 && share >= 0.5 && l.Errors == 0 && l.Lost == 0 && l.Unexpected == 0,
                $"p99 {F(l.Latency.P99, 1)} ms, {F(share * 100, 0)}% of the floor, {l.Errors} errors, {l.Lost} lost");
        }

        return text.ToString();
    }

    public static string Line(LoadResult l) =>
        $"{l.Channel} {l.Target} N={l.Conversations}{(l.Paced ? " paced" : "")}: {l.Latency.Count} replies, {F(l.Throughput, 0)}/s, {F(l.CpuMillisecondsPerReply, 2)} CPU ms and {F(l.AllocatedKilobytesPerReply, 0)} KB each, GC paused {F(l.GcPauseSeconds / l.Seconds * 100, 1)}%, p50 {F(l.Latency.P50, 1)} p99 {F(l.Latency.P99, 1)} ms, {l.Errors} errors, {l.Lost} lost";

    private static LoadResult? Floor(IReadOnlyList<LoadResult> loads, LoadResult l) =>
        loads.FirstOrDefault(f => f.Channel == l.Channel && f.Target == "floor" && f.Conversations == l.Conversations && f.Paced == l.Paced);

    private static string Row(params object[] cells) => "| " + string.Join(" | ", cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture))) + " |";

    private static string F(double value, int decimals) =>
        double.IsNaN(value) ? "–" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
