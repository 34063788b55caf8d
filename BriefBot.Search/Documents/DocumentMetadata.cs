namespace BriefBot.Search.Documents;

/// <summary>
/// What a document says about itself: its title (front matter, &lt;title&gt;, core properties, subject, else the first
/// heading or the file name), a description, the published URL or slug, other names it goes by, its author and date.
/// </summary>
internal sealed record DocumentMetadata(
    string Title,
    string? Description = null,
    string? Url = null,
    string? Slug = null,
    IReadOnlyList<string>? Aliases = null,
    string? Author = null,
    DateTimeOffset? Date = null)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];
}
