namespace BriefBot.Search.Documents;

/// <summary>
/// A slice of a document that is indexed and answered from. <see cref="Text"/> equals
/// <c>document.Text[Start..End]</c>, so a quote taken from it is verbatim from the source.
/// </summary>
internal sealed record Passage(string DocumentPath, int Ordinal, int Start, int End, string Text, string? Section)
{
    public string Id => PassageId.Of(DocumentPath, Ordinal);
}

internal static class PassageId
{
    public static string Of(string documentPath, int ordinal) => $"{documentPath}#{ordinal}";
}
