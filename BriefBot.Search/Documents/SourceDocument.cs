namespace BriefBot.Search.Documents;

/// <summary>
/// One document read from a source: its text as searched and quoted (Markdown and plain text as written,
/// HTML as extracted text), and what a citation needs.
/// </summary>
internal sealed record SourceDocument(
    string RelativePath,
    string Title,
    string Text,
    string ContentHash,
    DateTimeOffset Modified,
    string? Url);
