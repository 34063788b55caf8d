using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace BriefBot.Search.Documents.Readers;

/// <summary>One paragraph of a PDF page: its text, type size, whether it is set in a monospaced font or starts
/// with a bullet, and how far from the top and bottom of the page it stands (0..1).</summary>
internal sealed record PdfBlock(string Text, double FontSize, bool Code, bool Bullet, double Top, double Bottom)
{
    private static readonly string[] MonospacedFonts = ["mono", "courier", "consol", "code", "menlo", "typewriter"];

    /// <summary>
    /// The paragraphs of a text block: a layout block often holds a heading and the paragraphs under it, so it is cut
    /// where the type size or the font's kind changes, where the space between lines opens up, and before a bullet.
    /// </summary>
    public static IEnumerable<PdfBlock> Split(TextBlock block, double pageHeight)
    {
        var run = new List<TextLine>();
        (double Size, bool Mono)? previous = null;
        TextLine? last = null;
        foreach (var line in block.TextLines)
        {
            var letters = line.Words.SelectMany(w => w.Letters).ToList();
            var shape = (Size: letters.Count == 0 ? 0 : letters.Average(l => l.PointSize), Mono: IsMonospaced(letters));
            if (last is not null && previous is { } p && Breaks(p, shape, last, line))
            {
                yield return Of(run, pageHeight, p.Size, p.Mono);
                run = [];
            }

            run.Add(line);
            previous = run.Count == 1 ? shape : previous;
            last = line;
        }

        if (run.Count > 0 && previous is { } end)
        {
            yield return Of(run, pageHeight, end.Size, end.Mono);
        }
    }

    private static bool Breaks((double Size, bool Mono) before, (double Size, bool Mono) now, TextLine last, TextLine line)
    {
        double height = Math.Max(1, last.BoundingBox.Height);
        double gap = last.BoundingBox.Bottom - line.BoundingBox.Top;
        return Math.Abs(before.Size - now.Size) > 0.6 || before.Mono != now.Mono || gap > height * 0.75 || StartsWithBullet(line.Text);
    }

    private static PdfBlock Of(List<TextLine> lines, double pageHeight, double size, bool code)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            string words = string.Join(' ', line.Words.Select(w => w.Text));
            if (text.Length > 0)
            {
                JoinLine(text, words, code);
            }

            text.Append(words);
        }

        double height = Math.Max(1, pageHeight);
        string content = text.ToString().Trim();
        return new PdfBlock(content, size, code, StartsWithBullet(content),
            1 - lines.Max(l => l.BoundingBox.Top) / height, lines.Min(l => l.BoundingBox.Bottom) / height);
    }

    /// <summary>Joins a paragraph's next line: code keeps its lines; prose lines meet at a space, or at nothing where a line-end hyphen broke a word.</summary>
    public static void JoinLine(StringBuilder text, string next, bool code)
    {
        if (code)
        {
            text.Append('\n');
        }
        else if (text.Length > 1 && text[^1] == '-' && char.IsLetter(text[^2]) && next.Length > 0 && char.IsLower(next[0]))
        {
            text.Length--;
        }
        else
        {
            text.Append(' ');
        }
    }

    private static bool StartsWithBullet(string text) =>
        text.Length > 1 && text[0] is '\u2022' or '\u25CF' or '\u25E6' or '\u25AA' or '\u2013' && char.IsWhiteSpace(text[1]);

    private static bool IsMonospaced(List<Letter> letters) =>
        letters.Count > 0 && letters.Count(l => l.FontName is { } f && MonospacedFonts.Any(m => f.Contains(m, StringComparison.OrdinalIgnoreCase))) * 2 > letters.Count;
}
