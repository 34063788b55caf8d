namespace BriefBot.Search.Index;

/// <summary>Field names of the Lucene index; one place, so the writer and the readers agree.</summary>
internal static class FieldNames
{
    public const string Kind = "kind";
    public const string Path = "path";
    public const string Id = "id";
    public const string Ordinal = "ordinal";
    public const string Start = "start";
    public const string End = "end";

    /// <summary>The passage text, searched and stored.</summary>
    public const string Text = "text";

    /// <summary>The document's title and aliases, searched; the title alone stored.</summary>
    public const string Title = "title";

    /// <summary>The heading path below the title ("Deployment › rsync"), searched and stored.</summary>
    public const string Section = "section";

    /// <summary>The headings one by one, outermost first, stored.</summary>
    public const string HeadingPath = "heading";

    /// <summary>The document's description (front matter, core properties), searched and stored.</summary>
    public const string Description = "description";

    /// <summary>Where the passage stands, as a reader says it ("page 4", "slide 3", "lines 10–14"), stored.</summary>
    public const string Location = "location";

    /// <summary>What the passage holds (prose, code, listitem, tablerow, …), one term each, indexed and stored.</summary>
    public const string Content = "content";

    /// <summary>The languages of its code blocks, indexed and stored.</summary>
    public const string Language = "language";

    /// <summary>The header row of its table rows, stored.</summary>
    public const string TableHeader = "tableheader";

    public const string Format = "format";
    public const string Url = "url";
    public const string Slug = "slug";
    public const string Hash = "hash";
    public const string Modified = "modified";
    public const string Indexed = "indexed";
    public const string Passages = "passages";
    public const string ReadWith = "readwith";

    public const string PassageKind = "passage";
    public const string DocumentKind = "document";
}
