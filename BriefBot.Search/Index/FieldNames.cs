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
    public const string Text = "text";
    public const string Title = "title";
    public const string Section = "section";
    public const string Url = "url";
    public const string Hash = "hash";
    public const string Modified = "modified";
    public const string Indexed = "indexed";
    public const string Passages = "passages";

    public const string PassageKind = "passage";
    public const string DocumentKind = "document";
}
