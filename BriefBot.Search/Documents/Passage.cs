namespace BriefBot.Search.Documents;

/// <summary>
/// A slice of a document that is indexed and answered from. <see cref="Text"/> equals
/// <c>document.Text[Start..End]</c>, so a quote taken from it is verbatim from what a reader sees. It stands under
/// <see cref="HeadingPath"/> (outermost first), at <see cref="Location"/>, and is made of <see cref="Parts"/>: prose,
/// code with its language, list items, table rows with their header.
/// </summary>
internal sealed record Passage(
    string DocumentPath,
    int Ordinal,
    int Start,
    int End,
    string Text,
    IReadOnlyList<string> HeadingPath,
    Location Location,
    IReadOnlyList<Block> Parts)
{
    public string Id => PassageId.Of(DocumentPath, Ordinal);

    /// <summary>The heading path as one line ("Deployment › rsync"), without a first heading that only repeats the title.</summary>
    public string? SectionUnder(string title)
    {
        var path = HeadingPath.Count > 0 && HeadingPath[0] == title ? HeadingPath.Skip(1) : HeadingPath;
        string section = string.Join(" \u203A ", path);
        return section.Length == 0 ? null : section;
    }
}

internal static class PassageId
{
    public static string Of(string documentPath, int ordinal) => $"{documentPath}#{ordinal}";
}
