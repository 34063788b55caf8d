namespace BriefBot.Search.Documents;

/// <summary>What a stretch of a document holds.</summary>
internal enum ContentKind
{
    /// <summary>A heading: it names what follows and is never a passage itself.</summary>
    Heading,

    /// <summary>Running prose.</summary>
    Prose,

    /// <summary>A code block, kept line for line.</summary>
    Code,

    /// <summary>One item of a list.</summary>
    ListItem,

    /// <summary>A table's header row.</summary>
    TableHeader,

    /// <summary>One row of a table (or a sheet, or a CSV file).</summary>
    TableRow,

    /// <summary>A quotation.</summary>
    Quote,

    /// <summary>A slide's speaker notes.</summary>
    Notes,
}

/// <summary>
/// One structural unit of a document's text: <c>document.Text[Start..End]</c>, what it holds, the headings it stands
/// under (outermost first), where it stands, and for code its language, for a table row its header row.
/// </summary>
internal sealed record Block(
    ContentKind Kind,
    int Start,
    int End,
    IReadOnlyList<string> HeadingPath,
    Location Location,
    string? Language = null,
    string? Header = null)
{
    public int Length => End - Start;
}
