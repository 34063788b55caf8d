using System.Text.RegularExpressions;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Finds the running headers and footers of a PDF: the blocks at the top or bottom of a page whose text, with digits
/// set aside, comes back on at least half the pages (and three), and page numbers standing alone there.
/// </summary>
internal static partial class RunningLines
{
    private const double Margin = 0.12;

    public static HashSet<PdfBlock> Find(List<PdfBlock[]> pages)
    {
        var edges = pages.SelectMany(p => p.Where(IsAtEdge)).ToList();
        var counts = edges.GroupBy(Shape).ToDictionary(g => g.Key, g => g.Count());
        int needed = Math.Max(3, (pages.Count + 1) / 2);
        return edges.Where(b => counts[Shape(b)] >= needed || PageNumber().IsMatch(b.Text)).ToHashSet();
    }

    private static bool IsAtEdge(PdfBlock block) => block.Top < Margin || block.Bottom < Margin;

    private static string Shape(PdfBlock block) => Digits().Replace(block.Text, "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:(?:page|seite|p\.)\s*)?\d{1,4}(?:\s*(?:/|of|von)\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
