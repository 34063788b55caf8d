using BriefBot.Search.Text;

namespace BriefBot.Search.Documents;

/// <summary>
/// Splits a document into passages along its structure. A section (the blocks under one heading path) is the unit:
/// no passage crosses a heading. Within a section, blocks that belong together stay together: a lead-in sentence
/// ending in ":" with the code block, list or table after it, a table's header with its first rows, a short question
/// with its answer. Blocks are gathered until a passage holds at least <c>minChars</c>; a passage over
/// <c>maxChars</c> is cut between blocks, and a single huge block between sentences (prose) or lines (code).
/// </summary>
internal sealed class PassageSplitter(int minChars = 200, int maxChars = 1500)
{
    private readonly int _targetChars = maxChars * 2 / 3;

    public List<Passage> Split(SourceDocument document)
    {
        var passages = new List<Passage>();
        foreach (var section in Sections(document.Blocks))
        {
            var pending = new List<Block>();
            foreach (var unit in Units(document.Text, section))
            {
                if (pending.Count > 0 && Length(pending[0], unit[^1]) > maxChars)
                {
                    Emit(document, pending, passages);
                }

                pending.AddRange(unit);
                if (Length(pending[0], pending[^1]) >= minChars)
                {
                    Emit(document, pending, passages);
                }
            }

            Emit(document, pending, passages);
        }

        return passages;
    }

    // Runs of blocks under one heading path; headings themselves separate them.
    private static IEnumerable<List<Block>> Sections(IReadOnlyList<Block> blocks)
    {
        var current = new List<Block>();
        foreach (var block in blocks)
        {
            if (block.Kind == ContentKind.Heading || (current.Count > 0 && !ReferenceEquals(current[0].HeadingPath, block.HeadingPath)))
            {
                if (current.Count > 0)
                {
                    yield return current;
                }

                current = [];
                if (block.Kind == ContentKind.Heading)
                {
                    continue;
                }
            }

            current.Add(block);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    // Groups of blocks never to be parted: a lead-in with what it introduces, a table's header with its rows, a short
    // question with its answer; none grows past the target size.
    private IEnumerable<List<Block>> Units(string text, List<Block> section)
    {
        var unit = new List<Block>();
        for (int i = 0; i < section.Count; i++)
        {
            unit.Add(section[i]);
            if (i + 1 >= section.Count || !Binds(text, unit, section[i + 1]))
            {
                yield return unit;
                unit = [];
            }
        }
    }

    private bool Binds(string text, List<Block> unit, Block next)
    {
        if (next.End - unit[0].Start > _targetChars)
        {
            return false;
        }

        var (lead, last) = (unit[0], unit[^1]);
        bool leadIn = lead.Kind is ContentKind.Prose or ContentKind.Quote && LastChar(text, lead) == ':';
        bool structured = next.Kind is ContentKind.Code or ContentKind.ListItem or ContentKind.TableHeader or ContentKind.TableRow;
        bool sameRun = (last.Kind == next.Kind && last.Kind is ContentKind.ListItem or ContentKind.TableRow)
            || (last.Kind == ContentKind.TableHeader && next.Kind == ContentKind.TableRow);
        bool question = last.Kind == ContentKind.Prose && last.Length < minChars && LastChar(text, last) == '?';
        return question
            || (leadIn && structured && (unit.Count == 1 || sameRun))
            || (lead.Kind == ContentKind.TableHeader && sameRun);
    }

    private void Emit(SourceDocument document, List<Block> blocks, List<Passage> passages)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        foreach (var piece in Pieces(document.Text, blocks))
        {
            var first = piece.Parts[0];
            var location = piece.Parts.Skip(1).Aggregate(first.Location, (l, b) => l.Through(b.Location));
            passages.Add(new Passage(document.RelativePath, passages.Count, piece.Span.Start, piece.Span.End,
                document.Text[piece.Span.Start..piece.Span.End], first.HeadingPath, location, piece.Parts));
        }

        blocks.Clear();
    }

    // The blocks as one span when they fit, else cut between blocks, and a huge block within itself.
    private IEnumerable<(Span Span, List<Block> Parts)> Pieces(string text, List<Block> blocks)
    {
        var run = new List<Block>();
        foreach (var block in blocks)
        {
            if (run.Count > 0 && block.End - run[0].Start > maxChars)
            {
                yield return (new Span(run[0].Start, run[^1].End), run);
                run = [];
            }

            if (block.Length > maxChars)
            {
                foreach (var cut in Cut(text, block))
                {
                    yield return (cut, [block with { Start = cut.Start, End = cut.End }]);
                }

                continue;
            }

            run.Add(block);
        }

        if (run.Count > 0)
        {
            yield return (new Span(run[0].Start, run[^1].End), run);
        }
    }

    private IEnumerable<Span> Cut(string text, Block block)
    {
        var within = new Span(block.Start, block.End);
        var pieces = block.Kind == ContentKind.Code ? Lines(text, within) : SentenceSplitter.Split(text, within);
        int start = block.Start;
        int end = start;
        foreach (var piece in pieces)
        {
            if (end > start && piece.End - start > _targetChars)
            {
                yield return new Span(start, end);
                start = piece.Start;
            }

            end = piece.End;
            // A single sentence or line longer than the limit is cut at a word boundary.
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

    private static IEnumerable<Span> Lines(string text, Span within)
    {
        int start = within.Start;
        while (start < within.End)
        {
            int newline = text.IndexOf('\n', start, within.End - start);
            int end = newline < 0 ? within.End : newline;
            if (end > start)
            {
                yield return new Span(start, end);
            }

            start = end + 1;
        }
    }

    private static int Length(Block first, Block last) => last.End - first.Start;

    private static char LastChar(string text, Block block) => block.Length > 0 ? text[block.End - 1] : '\0';
}
