using BriefBot.Bench.Measuring;

namespace BriefBot.Bench.InProcess;

/// <summary>One corpus measured in-process: building its index, asking it questions, and what that cost.</summary>
internal sealed record CorpusResult(
    string Name,
    int Documents,
    int Passages,
    long SourceBytes,
    double IndexSeconds,
    long IndexBytes,
    Percentiles Answer,
    double AnsweredShare,
    MemoryPeak Memory)
{
    public double PassagesPerSecond => Passages / IndexSeconds;
}
