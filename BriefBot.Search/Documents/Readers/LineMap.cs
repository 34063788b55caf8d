using Markdig.Syntax;

namespace BriefBot.Search.Documents.Readers;

/// <summary>Turns character offsets of a source text into 1-based line numbers.</summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [0];

    public LineMap(string text)
    {
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    public int LineOf(int offset)
    {
        int i = _starts.BinarySearch(offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    public Location Of(MarkdownObject node) => new(Line: LineOf(node.Span.Start), LastLine: LineOf(Math.Max(node.Span.Start, node.Span.End)));
}
