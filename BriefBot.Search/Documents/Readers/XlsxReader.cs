using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads an Excel workbook with the Open XML SDK, sheet by sheet: the first non-empty row is the header, every
/// other row a block that carries it, each with its sheet and row number. Cells show their stored value (shared or
/// inline strings, numbers as written); at most <see cref="MaxRows"/> rows a workbook are read.
/// </summary>
internal static class XlsxReader
{
    public const int MaxRows = 200_000;

    public static SourceDocument Read(DocumentInput input, List<string> warnings)
    {
        using var stream = new MemoryStream(input.Content, writable: false);
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var part = workbook.WorkbookPart ?? throw new UnreadableDocumentException(SkipReason.Corrupt, "the package has no workbook");
        var strings = part.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var builder = new DocumentBuilder();
        int rows = 0;
        foreach (var sheet in part.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || part.GetPartById(id) is not WorksheetPart worksheet || worksheet.Worksheet is null)
            {
                continue;
            }

            string name = sheet.Name?.Value ?? $"Sheet {id}";
            builder.Heading(1, name, new Location(Sheet: name));
            string? header = null;
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                if (++rows > MaxRows)
                {
                    warnings.Add($"only the first {MaxRows} rows were read");
                    return Build(builder, input, workbook);
                }

                var cells = row.Elements<Cell>().Select(c => ValueOf(c, strings)).ToList();
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                string text = string.Join(" | ", cells.Select(c => c.Trim()));
                var location = new Location(Sheet: name, Row: (int?)row.RowIndex?.Value);
                builder.Add(header is null ? ContentKind.TableHeader : ContentKind.TableRow, text, location, header: header, tight: header is not null);
                header ??= text;
            }
        }

        return Build(builder, input, workbook);
    }

    private static SourceDocument Build(DocumentBuilder builder, DocumentInput input, SpreadsheetDocument workbook)
    {
        string? title = workbook.PackageProperties.Title?.Trim();
        var metadata = new DocumentMetadata(string.IsNullOrEmpty(title) ? DocumentInput.TitleFromFileName(input.RelativePath) : title,
            Description: workbook.PackageProperties.Description, Author: workbook.PackageProperties.Creator);
        return builder.Build(input.RelativePath, "xlsx", metadata, input.Hash, input.Modified);
    }

    private static string ValueOf(Cell cell, List<string> strings)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        string raw = cell.CellValue?.Text ?? "";
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out int i) && i >= 0 && i < strings.Count ? strings[i] : raw;
    }
}
