using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Drawing = DocumentFormat.OpenXml.Drawing;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads a PowerPoint deck with the Open XML SDK, slide by slide in the deck's order: the title placeholder as the
/// slide's heading, every other shape's paragraphs (bulleted ones as list items), table rows, then the speaker notes;
/// each block knows its slide.
/// </summary>
internal static class PptxReader
{
    public static SourceDocument Read(DocumentInput input)
    {
        using var stream = new MemoryStream(input.Content, writable: false);
        using var deck = PresentationDocument.Open(stream, false);
        var presentation = deck.PresentationPart
            ?? throw new UnreadableDocumentException(SkipReason.Corrupt, "the package has no presentation");
        var builder = new DocumentBuilder();
        var ids = presentation.Presentation?.SlideIdList?.Elements<SlideId>() ?? [];
        int number = 0;
        foreach (var id in ids)
        {
            number++;
            if (id.RelationshipId?.Value is not { } rel || presentation.GetPartById(rel) is not SlidePart slide || slide.Slide is null)
            {
                continue;
            }

            var location = new Location(Slide: number);
            var shapes = slide.Slide.Descendants<Shape>().ToList();
            var title = shapes.FirstOrDefault(IsTitle);
            builder.Heading(1, title is null ? $"Slide {number}" : string.Join(' ', Paragraphs(title)), location);
            foreach (var shape in shapes.Where(s => s != title))
            {
                foreach (var paragraph in shape.Descendants<Drawing.Paragraph>())
                {
                    bool bullet = paragraph.ParagraphProperties?.Level is not null || IsBody(shape);
                    builder.Add(bullet ? ContentKind.ListItem : ContentKind.Prose, TextOf(paragraph), location, tight: bullet);
                }
            }

            foreach (var table in slide.Slide.Descendants<Drawing.Table>())
            {
                string? header = null;
                foreach (var row in table.Elements<Drawing.TableRow>())
                {
                    string text = string.Join(" | ", row.Elements<Drawing.TableCell>().Select(c => string.Join(' ', c.Descendants<Drawing.Paragraph>().Select(TextOf))));
                    builder.Add(header is null ? ContentKind.TableHeader : ContentKind.TableRow, text, location, header: header, tight: header is not null);
                    header ??= text;
                }
            }

            foreach (var notes in slide.NotesSlidePart?.NotesSlide?.Descendants<Shape>().Where(IsBody) ?? [])
            {
                foreach (var paragraph in notes.Descendants<Drawing.Paragraph>())
                {
                    builder.Add(ContentKind.Notes, TextOf(paragraph), location);
                }
            }
        }

        var core = deck.PackageProperties;
        string? coreTitle = core.Title?.Trim();
        var metadata = new DocumentMetadata(
            string.IsNullOrEmpty(coreTitle) ? builder.FirstHeading ?? DocumentInput.TitleFromFileName(input.RelativePath) : coreTitle,
            Description: core.Description ?? core.Subject,
            Author: core.Creator);
        return builder.Build(input.RelativePath, "pptx", metadata, input.Hash, input.Modified);
    }

    private static bool IsTitle(Shape shape) => Placeholder(shape) is { } type
        && (type == PlaceholderValues.Title || type == PlaceholderValues.CenteredTitle);

    private static bool IsBody(Shape shape) => Placeholder(shape) is { } type && (type == PlaceholderValues.Body || type == PlaceholderValues.Object)
        || shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape is { Type: null, Index: not null };

    private static PlaceholderValues? Placeholder(Shape shape) =>
        shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value;

    private static IEnumerable<string> Paragraphs(Shape shape) => shape.Descendants<Drawing.Paragraph>().Select(TextOf);

    private static string TextOf(Drawing.Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(n => n switch
        {
            Drawing.Text t => t.Text,
            Drawing.Break => " ",
            _ => "",
        }));
}
