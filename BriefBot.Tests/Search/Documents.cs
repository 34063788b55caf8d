using BriefBot.Search.Documents;

namespace BriefBot.Tests.Search;

/// <summary>Reads test documents through the same seam the indexer uses, with the default limits.</summary>
internal static class Documents
{
    public static readonly ArchiveLimits Limits = new(200 * 1024 * 1024, 10_000, 100, 2);

    public static ReadOutcome Outcome(string relativePath, byte[] content) =>
        DocumentFormats.Read(new DocumentInput(relativePath, content, DateTimeOffset.UnixEpoch), Limits);

    public static SourceDocument Read(string relativePath, byte[] content) =>
        Outcome(relativePath, content).Document ?? throw new InvalidOperationException($"{relativePath} was skipped: {Outcome(relativePath, content).Skipped}");

    /// <summary>A committed test document from TestData/Documents.</summary>
    public static SourceDocument Sample(string file) => Read(file, File.ReadAllBytes(TestData.PathOf(Path.Combine("Documents", file))));

    /// <summary>The text a reader sees of a file, which citations' offsets point into.</summary>
    public static string TextOf(string fullPath, string relativePath) => Read(relativePath, File.ReadAllBytes(fullPath)).Text;

    public static IEnumerable<(string Kind, string Text)> Blocks(this SourceDocument document) =>
        document.Blocks.Select(b => (b.Kind.ToString(), document.Text[b.Start..b.End]));
}
