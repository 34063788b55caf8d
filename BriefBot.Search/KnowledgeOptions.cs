using BriefBot.Search.Documents;

namespace BriefBot.Search;

/// <summary>How a <see cref="Knowledge"/> base is built. Immutable once passed to <see cref="Knowledge.Open"/>.</summary>
public sealed record KnowledgeOptions
{
    /// <summary>
    /// The folder of documents, read recursively: Markdown, text, HTML, PDF, Word, PowerPoint, Excel, CSV, e-mail
    /// (.eml) and ZIP archives of them.
    /// </summary>
    public required string SourceFolder { get; init; }

    /// <summary>The folder holding the Lucene index; created when missing.</summary>
    public required string IndexFolder { get; init; }

    /// <summary>Answers whose confidence falls below this are abstentions. Between 0 and 1.</summary>
    public double AbstainBelow { get; init; } = 0.42;

    /// <summary>Questions longer than this many characters are refused.</summary>
    public int MaxQuestionLength { get; init; } = 2_000;

    /// <summary>Files larger than this are skipped when indexing.</summary>
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>The most bytes a ZIP archive (or an Office file, which is one) may unpack to, all entries together.</summary>
    public long MaxArchiveBytes { get; init; } = 200 * 1024 * 1024;

    /// <summary>The most entries a ZIP archive may hold.</summary>
    public int MaxArchiveEntries { get; init; } = 10_000;

    /// <summary>The highest ratio of unpacked to packed size an archive or entry may have (a zip bomb has thousands).</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>How deep archives may nest: 1 reads an archive's documents, 2 also those of archives inside it.</summary>
    public int MaxArchiveNesting { get; init; } = 2;

    /// <summary>
    /// The address the source folder is published at, for links in citations: a file's relative path (a Markdown
    /// page's as its folder or name, front matter <c>url</c> and <c>slug</c> honoured) is joined to it. Null: no links
    /// but those a document gives itself.
    /// </summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The clock stamped on indexed documents; the system clock unless a test sets one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    internal ArchiveLimits ArchiveLimits => new(MaxArchiveBytes, MaxArchiveEntries, MaxCompressionRatio, MaxArchiveNesting);

    // A base without a trailing slash ("https://docs.example.com/guide") still means the folder.
    internal Uri? LinkBase => BaseUrl is null ? null : BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SourceFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(IndexFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(AbstainBelow, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AbstainBelow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQuestionLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxArchiveBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxArchiveEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCompressionRatio, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxArchiveNesting, 1);
        if (BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException("BaseUrl must be an absolute http or https address.", nameof(BaseUrl));
        }
    }
}
