namespace BriefBot.Search.Index;

/// <summary>What the index remembers of one source file, to skip it when unchanged and to list it.</summary>
internal sealed record IndexedDocument(
    string Path,
    string Title,
    string? Url,
    string? Slug,
    string Format,
    string Hash,
    DateTimeOffset Modified,
    DateTimeOffset Indexed,
    int Passages,
    int ReadWith);
