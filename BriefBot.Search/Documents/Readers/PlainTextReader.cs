namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads plain text: paragraphs are runs of lines between blank lines, or single lines that end a sentence (text
/// with one paragraph a line), each with its line range.
/// </summary>
internal static class PlainTextReader
{
    public static SourceDocument Read(DocumentInput input)
    {
        var builder = new DocumentBuilder();
        var lines = input.Text().Split('\n');
        int first = -1;
        var paragraph = new List<string>();
        for (int i = 0; i <= lines.Length; i++)
        {
            string line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length > 0)
            {
                first = first < 0 ? i : first;
                paragraph.Add(line);
            }

            if (paragraph.Count > 0 && (line.Length == 0 || EndsSentence(line)))
            {
                int last = line.Length == 0 ? i - 1 : i;
                builder.Add(ContentKind.Prose, string.Join(' ', paragraph), new Location(Line: first + 1, LastLine: last + 1));
                paragraph.Clear();
                first = -1;
            }
        }

        var metadata = new DocumentMetadata(DocumentInput.TitleFromFileName(input.RelativePath));
        return builder.Build(input.RelativePath, "text", metadata, input.Hash, input.Modified);
    }

    private static bool EndsSentence(string line) =>
        line[^1] is '.' or '!' or '?' or '"' or '\u201D' or ':' || line.Length > 1 && line[^2] is '.' or '!' or '?';
}
