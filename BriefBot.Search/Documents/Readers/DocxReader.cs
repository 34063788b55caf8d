using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads a Word document with the Open XML SDK: headings by their paragraph style (Heading 1–9, Title), code by a
/// source-code style, numbered or bulleted paragraphs as list items, tables as rows under their header row; the
/// title, subject and author from the core properties. Deleted revisions and field codes are not text.
/// </summary>
internal static class DocxReader
{
    public static SourceDocument Read(DocumentInput input)
    {
        using var stream = new MemoryStream(input.Content, writable: false);
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart?.Document?.Body
            ?? throw new UnreadableDocumentException(SkipReason.Corrupt, "the package has no document body");
        var styles = StyleNames(word.MainDocumentPart!);
        var builder = new DocumentBuilder();
        string? title = null;
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    title = Add(builder, paragraph, styles) ?? title;
                    break;
                case Table table:
                    Rows(builder, table);
                    break;
                case SdtBlock sdt:
                    foreach (var inner in sdt.Descendants<Paragraph>())
                    {
                        Add(builder, inner, styles);
                    }

                    break;
            }
        }

        var core = word.PackageProperties;
        var metadata = new DocumentMetadata(
            FirstOf(core.Title, title, builder.FirstHeading) ?? DocumentInput.TitleFromFileName(input.RelativePath),
            Description: FirstOf(core.Description, core.Subject),
            Author: FirstOf(core.Creator),
            Date: core.Modified is { } modified ? new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc)) : null);
        return builder.Build(input.RelativePath, "docx", metadata, input.Hash, input.Modified);
    }

    // Adds one paragraph; returns its text when it is set in the Title style.
    private static string? Add(DocumentBuilder builder, Paragraph paragraph, IReadOnlyDictionary<string, string> styles)
    {
        string styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        string style = styles.GetValueOrDefault(styleId, styleId).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        bool code = style.Contains("code", StringComparison.Ordinal) || style.Contains("preformatted", StringComparison.Ordinal);
        string text = TextOf(paragraph, code);
        if (style == "title")
        {
            builder.Heading(1, text);
            return DocumentBuilder.Collapse(text);
        }

        if (style.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(style.AsSpan(7), out int level))
        {
            builder.Heading(level + 1, text);
        }
        else if (code)
        {
            builder.Add(ContentKind.Code, text);
        }
        else if (paragraph.ParagraphProperties?.NumberingProperties is not null || style.StartsWith("list", StringComparison.Ordinal))
        {
            builder.Add(ContentKind.ListItem, text, tight: paragraph.PreviousSibling() is Paragraph { ParagraphProperties.NumberingProperties: not null });
        }
        else
        {
            builder.Add(style.Contains("quote", StringComparison.Ordinal) ? ContentKind.Quote : ContentKind.Prose, text);
        }

        return null;
    }

    private static void Rows(DocumentBuilder builder, Table table)
    {
        string? header = null;
        foreach (var row in table.Elements<TableRow>())
        {
            string text = string.Join(" | ", row.Elements<TableCell>().Select(c => DocumentBuilder.Collapse(string.Join(' ', c.Descendants<Paragraph>().Select(p => TextOf(p, false))))));
            if (header is null)
            {
                header = text;
                builder.Add(ContentKind.TableHeader, text);
            }
            else
            {
                builder.Add(ContentKind.TableRow, text, header: header, tight: true);
            }
        }
    }

    /// <summary>The visible text of a paragraph: its runs' text, tabs as spaces, breaks as new lines in code.</summary>
    public static string TextOf(OpenXmlElement paragraph, bool code)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(code ? "    " : " ");
                    break;
                case Break or CarriageReturn:
                    text.Append(code ? '\n' : ' ');
                    break;
            }
        }

        return text.ToString();
    }

    private static Dictionary<string, string> StyleNames(MainDocumentPart main) =>
        main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null && s.StyleName?.Val?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First().StyleName!.Val!.Value!, StringComparer.Ordinal) ?? [];

    private static string? FirstOf(params string?[] values) => values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
