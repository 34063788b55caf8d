using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads a PDF with PdfPig, a page at a time: words grouped into text blocks and put in reading order, lines joined
/// (a word broken by a line-end hyphen made whole again), blocks in larger type as headings, blocks in a monospaced
/// font as code, running headers, footers and page numbers left out. Pages with no text layer are reported.
/// </summary>
internal static class PdfReader
{
    private const double HeadingScale = 1.15;

    public static SourceDocument Read(DocumentInput input, List<string> warnings)
    {
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(input.Content);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new UnreadableDocumentException(SkipReason.Encrypted, "the PDF is protected by a password");
        }

        using (pdf)
        {
            var pages = new List<PdfBlock[]>();
            var withoutText = new List<int>();
            foreach (var page in pdf.GetPages())
            {
                var blocks = BlocksOf(page);
                if (blocks.Length == 0)
                {
                    withoutText.Add(page.Number);
                }

                pages.Add(blocks);
            }

            if (withoutText.Count == pages.Count)
            {
                throw new UnreadableDocumentException(SkipReason.NoTextLayer, $"none of its {pages.Count} page(s) has a text layer (scanned? it needs OCR)");
            }

            if (withoutText.Count > 0)
            {
                warnings.Add($"page(s) {string.Join(", ", withoutText.Take(20))}{(withoutText.Count > 20 ? ", …" : "")} have no text layer and were left out");
            }

            var builder = new DocumentBuilder();
            Write(builder, pages);
            string? title = pdf.Information.Title?.Trim();
            var metadata = new DocumentMetadata(
                string.IsNullOrEmpty(title) ? builder.FirstHeading ?? DocumentInput.TitleFromFileName(input.RelativePath) : title,
                Description: NullIfEmpty(pdf.Information.Subject),
                Author: NullIfEmpty(pdf.Information.Author));
            return builder.Build(input.RelativePath, "pdf", metadata, input.Hash, input.Modified);
        }
    }

    private static void Write(DocumentBuilder builder, List<PdfBlock[]> pages)
    {
        var running = RunningLines.Find(pages);
        var sizes = pages.SelectMany(p => p).Where(b => !b.Code).SelectMany(b => Enumerable.Repeat(Math.Round(b.FontSize, 1), b.Text.Length)).ToList();
        double body = sizes.Count == 0 ? 0 : sizes.GroupBy(s => s).MaxBy(g => g.Count())!.Key;
        var headingSizes = pages.SelectMany(p => p).Where(b => IsHeading(b, body)).Select(b => Math.Round(b.FontSize, 1)).Distinct().OrderDescending().ToList();
        // A paragraph that runs on to the next page is held back until it is known whether the next page continues it.
        (System.Text.StringBuilder Text, PdfBlock Block, Location Location)? open = null;
        for (int p = 0; p < pages.Count; p++)
        {
            var location = new Location(Page: p + 1);
            foreach (var block in pages[p].Where(b => !running.Contains(b)))
            {
                if (open is { } o && !IsHeading(block, body) && block.Code == o.Block.Code && !block.Bullet && Continues(o.Text, block.Text))
                {
                    PdfBlock.JoinLine(o.Text, block.Text, block.Code);
                    o.Text.Append(block.Text);
                    open = (o.Text, o.Block, o.Location.Through(location));
                    continue;
                }

                Close(builder, ref open);
                if (IsHeading(block, body))
                {
                    builder.Heading(Math.Min(6, headingSizes.IndexOf(Math.Round(block.FontSize, 1)) + 1), block.Text, location);
                }
                else
                {
                    open = (new System.Text.StringBuilder(block.Text), block, location);
                }
            }
        }

        Close(builder, ref open);
    }

    private static void Close(DocumentBuilder builder, ref (System.Text.StringBuilder Text, PdfBlock Block, Location Location)? open)
    {
        if (open is { } o)
        {
            builder.Add(o.Block.Code ? ContentKind.Code : o.Block.Bullet ? ContentKind.ListItem : ContentKind.Prose, o.Text.ToString(), o.Location);
        }

        open = null;
    }

    // The next page's first paragraph goes on with this one when this one stops mid-sentence and that one starts in lower case.
    private static bool Continues(System.Text.StringBuilder text, string next) =>
        text.Length > 0 && text[^1] is not ('.' or '!' or '?' or ':') && next.Length > 0 && char.IsLower(next[0]);

    private static bool IsHeading(PdfBlock block, double body) =>
        body > 0 && !block.Code && block.FontSize >= body * HeadingScale && block.Text.Length <= 200 && block.Text.Any(char.IsLetter);

    private static PdfBlock[] BlocksOf(Page page)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        return UnsupervisedReadingOrderDetector.Instance.Get(blocks)
            .SelectMany(b => PdfBlock.Split(b, page.Height))
            .Where(b => b.Text.Length > 0)
            .ToArray();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
