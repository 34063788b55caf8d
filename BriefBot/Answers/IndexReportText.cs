using BriefBot.Search;

namespace BriefBot.Answers;

/// <summary>An indexing run's accounting in words, for the <c>index</c> command and the log.</summary>
internal static class IndexReportText
{
    /// <summary>"12 markdown, 3 pdf, 1 docx", or "no documents".</summary>
    public static string Formats(IndexReport report) => report.Formats.Count == 0
        ? "no documents"
        : string.Join(", ", report.Formats.Select(f => $"{f.Value} {f.Key}"));

    /// <summary>The documents per format, then every skipped file with its reason, then files read in part.</summary>
    public static IEnumerable<string> Lines(IndexReport report)
    {
        yield return $"Documents by format: {Formats(report)}.";
        yield return report.Skipped.Count == 0 ? "Skipped: none." : $"Skipped {report.Skipped.Count}:";
        foreach (var group in report.Skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key))
        {
            foreach (var file in group)
            {
                yield return $"  {file.Path}: {Describe(file.Reason)}: {file.Detail}";
            }
        }

        foreach (var warning in report.Warnings)
        {
            yield return $"  {warning.Path}: indexed in part: {warning.Detail}";
        }
    }

    private static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.Unsupported => "unsupported type",
        SkipReason.TooLarge => "too large",
        SkipReason.Encrypted => "encrypted",
        SkipReason.NoTextLayer => "no text layer",
        SkipReason.Corrupt => "corrupt",
        SkipReason.NotText => "not text",
        SkipReason.ArchiveLimit => "archive limits",
        SkipReason.Empty => "empty",
        _ => reason.ToString(),
    };
}
