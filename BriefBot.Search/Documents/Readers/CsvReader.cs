using System.Text;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads a CSV file (RFC 4180: commas, or semicolons or tabs when the header row holds more of them, quoted fields
/// with doubled quotes and line breaks): the first row is the header, every other row a block that carries it.
/// </summary>
internal static class CsvReader
{
    public static SourceDocument Read(DocumentInput input, List<string> warnings)
    {
        string text = input.Text();
        char separator = Separator(text);
        var builder = new DocumentBuilder();
        string? header = null;
        int row = 0;
        foreach (var (fields, line) in Records(text, separator))
        {
            if (++row > XlsxReader.MaxRows)
            {
                warnings.Add($"only the first {XlsxReader.MaxRows} rows were read");
                break;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string joined = string.Join(" | ", fields.Select(f => f.Trim()));
            builder.Add(header is null ? ContentKind.TableHeader : ContentKind.TableRow, joined, new Location(Row: row, Line: line), header: header, tight: header is not null);
            header ??= joined;
        }

        var metadata = new DocumentMetadata(DocumentInput.TitleFromFileName(input.RelativePath));
        return builder.Build(input.RelativePath, "csv", metadata, input.Hash, input.Modified);
    }

    private static char Separator(string text)
    {
        int end = text.IndexOf('\n');
        string first = end < 0 ? text : text[..end];
        return new[] { ',', ';', '\t' }.MaxBy(c => first.Count(x => x == c));
    }

    // Records with the 1-based line each starts on.
    private static IEnumerable<(List<string> Fields, int Line)> Records(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        int line = 1, startLine = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return (fields, startLine);
                fields = [];
                startLine = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (fields, startLine);
        }
    }
}
