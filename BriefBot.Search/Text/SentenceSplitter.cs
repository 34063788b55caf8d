namespace BriefBot.Search.Text;

/// <summary>A half-open span [Start, End) of characters in a text.</summary>
internal readonly record struct Span(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds sentence boundaries in English prose: a terminator (. ! ?), optional closing quotes, brackets or
/// footnote markers, white space, then something that can start a sentence. Abbreviations, initials and
/// decimal numbers do not end a sentence.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "no", "nos", "vs", "etc", "inc", "ltd",
        "co", "corp", "dept", "univ", "gen", "gov", "sen", "rep", "rev", "sgt", "capt", "col", "lt", "cmdr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "fig",
        "e.g", "i.e", "cf", "al", "ca", "c", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "op", "vol", "ed", "est",
    };

    public static List<Span> Split(string text) => Split(text, new Span(0, text.Length));

    public static List<Span> Split(string text, Span within)
    {
        var spans = new List<Span>();
        int start = SkipSpace(text, within.Start, within.End);
        int i = start;
        while (i < within.End)
        {
            char c = text[i];
            if (c is '.' or '!' or '?' or '\n' && IsBoundary(text, i, within.End, out int next))
            {
                int end = TrimEnd(text, start, next);
                if (end > start)
                {
                    spans.Add(new Span(start, end));
                }

                start = SkipSpace(text, next, within.End);
                i = start;
                continue;
            }

            i++;
        }

        int last = TrimEnd(text, start, within.End);
        if (last > start)
        {
            spans.Add(new Span(start, last));
        }

        return spans;
    }

    // True when the terminator at i ends a sentence; next is where the following sentence may begin.
    private static bool IsBoundary(string text, int i, int end, out int next)
    {
        next = i + 1;
        if (text[i] == '\n')
        {
            return true;
        }

        // Runs of terminators ("?!", "...") and closing punctuation stay with the sentence.
        while (next < end && text[next] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
        {
            next++;
        }

        // Footnote markers such as "[12]" or "[note 3]" right after the terminator.
        while (next < end && text[next] == '[')
        {
            int close = text.IndexOf(']', next, Math.Min(20, end - next));
            if (close < 0)
            {
                break;
            }

            next = close + 1;
        }

        if (next < end && !char.IsWhiteSpace(text[next]))
        {
            return false;
        }

        int after = SkipSpace(text, next, end);
        if (after >= end)
        {
            return true;
        }

        // A lower-case word after the terminator continues the sentence ("approx. two", "e.g. this").
        if (char.IsLower(text[after]))
        {
            return false;
        }

        return text[i] != '.' || !EndsWithAbbreviation(text, i);
    }

    private static bool EndsWithAbbreviation(string text, int dot)
    {
        int wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital is an initial ("J. R. R. Tolkien").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return Abbreviations.Contains(word.ToString());
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
