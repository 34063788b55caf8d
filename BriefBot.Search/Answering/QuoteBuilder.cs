using BriefBot.Search.Text;

namespace BriefBot.Search.Answering;

/// <summary>A quote ready to show: verbatim text with "…" where it was cut, and the verbatim span it covers.</summary>
internal sealed record Quote(string Text, Span Verbatim);

/// <summary>
/// Cuts a sentence down to a quote of at most <see cref="MaxChars"/> characters of source text, at word
/// boundaries, keeping the stretch where the question's terms stand densest.
/// </summary>
internal static class QuoteBuilder
{
    public const int MaxChars = 300;
    private const string Ellipsis = "\u2026";
    private static readonly string[] Elisions = ["[\u2026]", "[...]", "(\u2026)", "(...)", "\u2026", "..."];

    /// <param name="text">The passage text.</param>
    /// <param name="sentence">The span to quote.</param>
    /// <param name="anchors">Offsets in <paramref name="text"/> of the words that matter, with their weights.</param>
    /// <param name="maxChars">The most source characters the quote may hold.</param>
    public static Quote Build(string text, Span sentence, IReadOnlyList<(int Offset, double Weight)> anchors, int maxChars = MaxChars)
    {
        sentence = WithoutLeadingElision(text, sentence);
        if (sentence.Length <= maxChars)
        {
            return new Quote(text[sentence.Start..sentence.End], sentence);
        }

        var starts = WordStarts(text, sentence);
        int bestStart = sentence.Start;
        double bestWeight = -1;
        foreach (int start in starts)
        {
            int limit = start + maxChars;
            double weight = anchors.Where(a => a.Offset >= start && a.Offset < limit).Sum(a => a.Weight);
            if (weight > bestWeight)
            {
                bestWeight = weight;
                bestStart = start;
            }
        }

        int end = WordEnd(text, bestStart, Math.Min(sentence.End, bestStart + maxChars));
        var span = new Span(bestStart, end);
        string quote = text[span.Start..span.End];
        if (span.Start > sentence.Start)
        {
            quote = Ellipsis + quote;
        }

        if (span.End < sentence.End)
        {
            quote += Ellipsis;
        }

        return new Quote(quote, span);
    }

    // A sentence that opens with the source's own mark of an omission ("[…] I'm actually…") is quoted from its first
    // word: the mark says nothing alone, and would read as BriefBot's cut.
    private static Span WithoutLeadingElision(string text, Span sentence)
    {
        int start = sentence.Start;
        foreach (string mark in Elisions)
        {
            if (text.AsSpan(start, sentence.End - start).StartsWith(mark, StringComparison.Ordinal))
            {
                start += mark.Length;
                while (start < sentence.End && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                break;
            }
        }

        return start < sentence.End ? new Span(start, sentence.End) : sentence;
    }

    private static List<int> WordStarts(string text, Span sentence)
    {
        var starts = new List<int> { sentence.Start };
        for (int i = sentence.Start + 1; i < sentence.End; i++)
        {
            if (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i]))
            {
                starts.Add(i);
            }
        }

        return starts;
    }

    // The last word boundary at or before limit, without trailing spaces or dangling punctuation.
    private static int WordEnd(string text, int start, int limit)
    {
        int end = limit;
        if (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            while (end > start && !char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '(' or '-'))
        {
            end--;
        }

        return end > start ? end : limit;
    }
}
