namespace BriefBot.Search.Documents;

/// <summary>
/// Where a stretch of a document stands, as a reader finds it again: pages of a PDF, a slide, a sheet's rows, or
/// lines of a text file. Unknown parts are null; a stretch over several pages or rows keeps the first and the last.
/// </summary>
internal sealed record Location(int? Page = null, int? LastPage = null, int? Slide = null, string? Sheet = null, int? Row = null, int? LastRow = null, int? Line = null, int? LastLine = null)
{
    public static readonly Location None = new();

    /// <summary>The stretch from this location to <paramref name="later"/>, which comes after it in the same document.</summary>
    public Location Through(Location later) => new(
        Page ?? later.Page,
        later.LastPage ?? later.Page ?? LastPage ?? Page,
        Slide ?? later.Slide,
        Sheet ?? later.Sheet,
        Row ?? later.Row,
        later.LastRow ?? later.Row ?? LastRow ?? Row,
        Line ?? later.Line,
        later.LastLine ?? later.Line ?? LastLine ?? Line);

    /// <summary>"page 4", "pages 4–5", "slide 3", "sheet Costs, rows 2–9", "lines 10–14"; empty when unknown.</summary>
    public string Describe()
    {
        if (Page is { } page)
        {
            return Range("page", "pages", page, LastPage);
        }

        if (Slide is { } slide)
        {
            return $"slide {slide}";
        }

        if (Sheet is { } sheet)
        {
            return Row is { } row ? $"sheet {sheet}, {Range("row", "rows", row, LastRow)}" : $"sheet {sheet}";
        }

        return Line is { } line ? Range("line", "lines", line, LastLine) : "";
    }

    private static string Range(string one, string many, int first, int? last) =>
        last is { } l && l != first ? $"{many} {first}\u2013{l}" : $"{one} {first}";
}
