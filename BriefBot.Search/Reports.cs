namespace BriefBot.Search;

/// <summary>What one indexing run did, with every file accounted for.</summary>
/// <param name="Added">Files indexed for the first time.</param>
/// <param name="Changed">Files whose content changed, indexed again.</param>
/// <param name="Removed">Files gone from the source, dropped from the index.</param>
/// <param name="Unchanged">Files already indexed as they are.</param>
/// <param name="PassagesWritten">Passages written for the added and changed files.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record IndexReport(int Added, int Changed, int Removed, int Unchanged, int PassagesWritten, TimeSpan Elapsed)
{
    /// <summary>How many documents of each format (markdown, pdf, docx, …) the source holds, indexed now or before.</summary>
    public IReadOnlyDictionary<string, int> Formats { get; init; } = new Dictionary<string, int>();

    /// <summary>Every file (or archive entry) that was not indexed, with the reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Files indexed with parts left out (pages without a text layer, rows past the limit).</summary>
    public IReadOnlyList<FileWarning> Warnings { get; init; } = [];
}

/// <summary>A file that was not indexed.</summary>
/// <param name="Path">Its path relative to the source folder; an archive entry's is "archive.zip/inner/path".</param>
/// <param name="Reason">Why, as a category.</param>
/// <param name="Detail">Why, as a sentence for the person who owns the file.</param>
public sealed record SkippedFile(string Path, SkipReason Reason, string Detail);

/// <summary>A file that was indexed with part of it left out.</summary>
/// <param name="Path">Its path relative to the source folder.</param>
/// <param name="Detail">What was left out.</param>
public sealed record FileWarning(string Path, string Detail);

/// <summary>Why a file was not indexed.</summary>
public enum SkipReason
{
    /// <summary>BriefBot has no reader for its type.</summary>
    Unsupported,

    /// <summary>Larger than <c>Search:MaxFileBytes</c>.</summary>
    TooLarge,

    /// <summary>Protected by a password or encrypted.</summary>
    Encrypted,

    /// <summary>A PDF (or image) with no text layer: scanned pages need OCR.</summary>
    NoTextLayer,

    /// <summary>Damaged, truncated, or not what its name says.</summary>
    Corrupt,

    /// <summary>A text file whose bytes are not UTF-8 text.</summary>
    NotText,

    /// <summary>An archive over a limit: total size, entry count, compression ratio or nesting.</summary>
    ArchiveLimit,

    /// <summary>Readable, but holds no text.</summary>
    Empty,
}


/// <summary>Progress of an indexing run: files looked at so far, of how many.</summary>
public sealed record IndexProgress(int Done, int Total, string CurrentPath);

/// <summary>A document in the index.</summary>
/// <param name="Path">Relative path in the source folder.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Url">A link, when the source has one.</param>
/// <param name="Passages">How many passages it was split into.</param>
/// <param name="Modified">The file's last write time.</param>
/// <param name="Indexed">When this version of the file was indexed: the time it became new or changed to BriefBot.</param>
public sealed record DocumentInfo(string Path, string Title, string? Url, int Passages, DateTimeOffset Modified, DateTimeOffset Indexed)
{
    /// <summary>The document's format: markdown, text, html, pdf, docx, pptx, xlsx, csv or email.</summary>
    public string Format { get; init; } = "";
}

/// <summary>The size of the index.</summary>
/// <param name="Documents">How many documents the searched commit holds.</param>
/// <param name="Passages">How many passages they were split into.</param>
/// <param name="FolderMissing">
/// The index folder is gone (deleted while the index was open): the counts are of the commit still being searched,
/// and the next <see cref="Knowledge.Refresh"/> rebuilds the index whole.
/// </param>
public sealed record KnowledgeStats(int Documents, int Passages, bool FolderMissing = false);
