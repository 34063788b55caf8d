using System.Text;
using BriefBot.Search.Index;
using BriefBot.Search.Summaries;

namespace BriefBot.Search;

public sealed partial class Knowledge
{
    /// <summary>The documents added or changed after <paramref name="since"/>, the most recently indexed first.</summary>
    public IReadOnlyList<DocumentInfo> DocumentsSince(DateTimeOffset since) =>
        Documents().Where(d => d.Indexed > since).OrderByDescending(d => d.Indexed).ThenBy(d => d.Path, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Up to <paramref name="maxSentences"/> key sentences of an indexed document, quoted verbatim with citations
    /// (see <see cref="Summarizer"/>); null when no document has that path.
    /// </summary>
    public DocumentSummary? Summarize(string path, int maxSentences = 3)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSentences, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSentences, Summarizer.MaxSentences);
        if (_index.Document(path) is not { } indexed)
        {
            return null;
        }

        var document = InfoOf(indexed);

        // Passages joined by blank lines: a sentence never crosses two of them, and each offset maps back to one.
        var passages = _index.PassagesOf(path);
        var joined = new StringBuilder();
        var offsets = new List<int>(passages.Count);
        foreach (var passage in passages)
        {
            offsets.Add(joined.Length);
            joined.Append(passage.Text).Append("\n\n");
        }

        var quotes = new List<KeyQuote>();
        foreach (var sentence in Summarizer.Summarize(joined.ToString(), maxSentences))
        {
            int i = offsets.BinarySearch(sentence.Start);
            i = i >= 0 ? i : ~i - 1;
            var p = passages[i];
            int start = p.Start + sentence.Start - offsets[i];
            quotes.Add(new KeyQuote(sentence.Text, new Citation(
                p.Title, p.Path, _links.For(p.Path, p.Url, p.Slug), p.Ordinal, p.Section, p.Start, p.End, start, start + sentence.Text.Length, p.Text)
            {
                Location = p.Location,
            }));
        }

        return new DocumentSummary(document, quotes);
    }
}
