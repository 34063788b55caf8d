using BriefBot.Search.Text;

namespace BriefBot.Search.Documents;

/// <summary>
/// Splits a document into passages at paragraph boundaries. Paragraphs are blocks between blank lines, or lines
/// that end a sentence (plain text with one paragraph a line). Tiny paragraphs are merged with the next one in the
/// same section; huge ones are cut at sentence boundaries. Headings name the section of what follows them.
/// </summary>
internal sealed class PassageSplitter(int minChars = 200, int maxChars = 1500)
{
    private readonly int _targetChars = maxChars * 2 / 3;

    public List<Passage> Split(SourceDocument document)
    {
        var passages = new List<Passage>();
        string text = document.Text;
        Span? pending = null;
        string? section = null;

        foreach (var (paragraph, heading) in Paragraphs(text))
        {
            if (heading is not null)
            {
                Flush(ref pending);
                section = heading;
                continue;
            }

            if (paragraph.Length > maxChars)
            {
                Flush(ref pending);
                foreach (var piece in CutAtSentences(text, paragraph))
                {
                    Add(piece);
                }

                continue;
            }

            pending = pending is { } p ? new Span(p.Start, paragraph.End) : paragraph;
            if (pending.Value.Length >= minChars)
            {
                Flush(ref pending);
            }
        }

        Flush(ref pending);
        return passages;

        void Flush(ref Span? span)
        {
            if (span is { } s)
            {
                Add(s);
            }

            span = null;
        }

        void Add(Span span) =>
            passages.Add(new Passage(document.RelativePath, passages.Count, span.Start, span.End, text[span.Start..span.End], section));
    }

    // Yields paragraphs as spans, or headings as their text.
    private static List<(Span Paragraph, string? Heading)> Paragraphs(string text)
    {
        var found = new List<(Span, string?)>();
        int lineStart = 0;
        int paragraphStart = -1;
        int paragraphEnd = -1;
        while (lineStart <= text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var trimmed = line.Trim();

            if (trimmed.IsEmpty || IsHeading(trimmed) || IsRule(trimmed))
            {
                if (paragraphStart >= 0)
                {
                    found.Add((new Span(paragraphStart, paragraphEnd), null));
                    paragraphStart = -1;
                }

                if (IsHeading(trimmed))
                {
                    found.Add((default, trimmed.TrimStart('#').Trim().TrimEnd('#').Trim().ToString()));
                }
            }
            else
            {
                int contentStart = lineStart + (line.Length - line.TrimStart().Length);
                if (paragraphStart < 0)
                {
                    paragraphStart = contentStart;
                }

                paragraphEnd = lineStart + line.TrimEnd().Length;
                if (EndsSentence(trimmed))
                {
                    found.Add((new Span(paragraphStart, paragraphEnd), null));
                    paragraphStart = -1;
                }
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (paragraphStart >= 0)
        {
            found.Add((new Span(paragraphStart, paragraphEnd), null));
        }

        return found;
    }

    private static bool IsHeading(ReadOnlySpan<char> line) =>
        line.Length > 1 && line[0] == '#' && line.TrimStart('#') is { Length: > 0 } rest && rest[0] == ' ';

    private static bool IsRule(ReadOnlySpan<char> line) =>
        line.Length >= 3 && (line.Trim('-').IsEmpty || line.Trim('*').IsEmpty || line.Trim('=').IsEmpty);

    private static bool EndsSentence(ReadOnlySpan<char> line) =>
        line[^1] is '.' or '!' or '?' or '"' or '\u201D' or ':' || line.Length > 1 && line[^2] is '.' or '!' or '?';

    private IEnumerable<Span> CutAtSentences(string text, Span paragraph)
    {
        int start = paragraph.Start;
        int end = start;
        foreach (var sentence in SentenceSplitter.Split(text, paragraph))
        {
            if (end > start && sentence.End - start > _targetChars)
            {
                yield return new Span(start, end);
                start = sentence.Start;
            }

            end = sentence.End;
            // A single sentence longer than the limit is cut at a word boundary.
            while (end - start > maxChars)
            {
                int cut = text.LastIndexOf(' ', start + maxChars, maxChars / 2);
                cut = cut <= start ? start + maxChars : cut;
                yield return new Span(start, cut);
                start = cut + 1;
            }
        }

        if (end > start)
        {
            yield return new Span(start, end);
        }
    }
}
