namespace BriefBot.Search.Documents;

/// <summary>
/// One document read from a source, independent of where its bytes came from: its text as a reader sees it (markup,
/// front matter and layout gone, one blank line between blocks), the blocks that text is made of, and its metadata.
/// Passages and quotes are slices of <see cref="Text"/>, so citations' offsets point into it.
/// </summary>
internal sealed record SourceDocument(
    string RelativePath,
    string Format,
    string Text,
    IReadOnlyList<Block> Blocks,
    DocumentMetadata Metadata,
    string ContentHash,
    DateTimeOffset Modified)
{
    public string Title => Metadata.Title;

    public string? Url => Metadata.Url;
}
