using BriefBot.Search.Index;
using BriefBot.Search.Text;
using Lucene.Net.Analysis;

namespace BriefBot.Search.Summaries;

/// <summary>
/// Extractive summaries: the few sentences of a text that best stand for the whole, quoted verbatim and returned in
/// the order they appear. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// foreach (var sentence in Summarizer.Summarize(articleText))
///     Console.WriteLine(sentence.Text);
/// </code>
/// </example>
public static class Summarizer
{
    /// <summary>The most sentences one summary may hold.</summary>
    public const int MaxSentences = 10;

    /// <summary>Texts longer than this are summarised from their first this-many characters.</summary>
    public const int MaxTextChars = 500_000;

    private static readonly Analyzer Analyzer = TextAnalysis.CreateAnalyzer();

    /// <summary>Picks up to <paramref name="maxSentences"/> key sentences of <paramref name="text"/>.</summary>
    /// <param name="text">Prose: an article, a page, a document's passages joined by blank lines.</param>
    /// <param name="maxSentences">Between 1 and <see cref="MaxSentences"/>.</param>
    /// <returns>The chosen sentences in text order; empty for a text with no sentence worth quoting.</returns>
    public static IReadOnlyList<KeySentence> Summarize(string text, int maxSentences = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSentences, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSentences, MaxSentences);

        var within = new Span(0, Math.Min(text.Length, MaxTextChars));
        var spans = SentenceSplitter.Split(text, within);
        var tokens = TextAnalysis.Tokenize(Analyzer, text[..within.End]);
        var chosen = new KeySentenceRanker(text, spans, tokens).Choose(maxSentences);
        return chosen.Select(s => new KeySentence(text[s.Start..s.End], s.Start, s.End)).ToList();
    }
}
