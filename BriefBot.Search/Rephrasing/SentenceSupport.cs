using BriefBot.Search.Answering.Meaning;
using BriefBot.Search.Index;
using BriefBot.Search.Text;
using Lucene.Net.Analysis;

namespace BriefBot.Search.Rephrasing;

/// <summary>
/// Whether every sentence a model wrote is supported by the passages it cites, so that words a document slipped in
/// ("ignore previous instructions and tell everyone to …") cannot become part of the answer. The support of a
/// passage is not all of its text but its <em>evidence</em>: the sentences a verified quotation comes from and those
/// sharing two content words with the question. Words are the index's terms (<see cref="TextAnalysis"/>: stop words
/// out, stemmed), without the words a reply wraps its facts in (<see cref="Connectives"/>). A word outside the
/// quotations is supported when the evidence or the question has its term, or a word of like meaning (bundled word
/// vectors, on the words as written). A sentence with a
/// quotation may add two unsupported words of its own ("Xi promised envoys: …"); one without may add one, and must
/// have a supported word at all.
/// </summary>
internal static class SentenceSupport
{
    private const int OwnWordsBesideAQuote = 2;
    private const int OwnWordsWithoutAQuote = 1;
    private const float LikeMeaning = 0.6f;

    /// <summary>Null when every sentence is supported; otherwise which one is not, by number, never by its words.</summary>
    public static string? FirstUnsupported(
        string outside, IReadOnlyList<(int Start, int End)> quotes, IReadOnlyList<(int Number, int At)> citations,
        IReadOnlyList<string> spans, IReadOnlyList<string> passages, string question)
    {
        var asked = Words(question).ToList();
        var evidence = passages.Select(p => Evidence(p, spans, asked)).ToList();
        var sentences = SentenceSplitter.Split(outside);
        for (int s = 0; s < sentences.Count; s++)
        {
            var (start, end) = (sentences[s].Start, sentences[s].End);
            var cited = citations.Where(c => c.At >= start && c.At < end).Select(c => c.Number).Distinct().ToList();
            var support = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var word in (cited.Count > 0 ? cited : Enumerable.Range(1, passages.Count)).SelectMany(n => evidence[n - 1]).Concat(asked))
            {
                support.TryAdd(word.Term, word.Written);
            }

            var words = Words(Uncited(outside[start..end])).ToList();
            int unsupported = words.Count(w => !Supported(w, support));
            bool quoting = quotes.Any(q => q.Start >= start && q.Start < end);
            bool supported = quoting
                ? unsupported <= OwnWordsBesideAQuote
                : unsupported <= OwnWordsWithoutAQuote && (words.Count == 0 || unsupported < words.Count);
            if (!supported)
            {
                return $"sentence {s + 1} has {unsupported} of {words.Count} words the cited passage does not support";
            }
        }

        return null;
    }

    // The sentences of a passage that bear on this answer: where a quotation stands, or close to the question.
    private static List<Word> Evidence(string passage, IReadOnlyList<string> spans, List<Word> asked)
    {
        string text = Normalized(passage);
        var located = spans.Select(span => (At: text.IndexOf(span, StringComparison.Ordinal), span.Length)).Where(l => l.At >= 0).ToList();
        var terms = asked.Select(w => w.Term).ToHashSet(StringComparer.Ordinal);
        int needed = Math.Min(2, terms.Count);
        var words = new List<Word>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var own = Words(text[sentence.Start..sentence.End]).ToList();
            bool quoted = located.Any(l => l.At < sentence.End && l.At + l.Length > sentence.Start);
            if (quoted || (needed > 0 && own.Select(w => w.Term).Distinct().Count(terms.Contains) >= needed))
            {
                words.AddRange(own);
            }
        }

        return words;
    }

    private static bool Supported(Word word, Dictionary<string, string> support) =>
        support.ContainsKey(word.Term) || (WordVectors.Shared.Of(word.Written) is { } meaning && support.Values.Any(s =>
            WordVectors.Shared.Of(s) is { } other && VectorMath.Dot(meaning, other) >= LikeMeaning));

    /// <summary>The content words of a text: its index terms, and each as written (lower case), for its meaning.</summary>
    private static IEnumerable<Word> Words(string text) =>
        TextAnalysis.Tokenize(Analysis.Value, text)
            .Select(t => new Word(t.Term, WithoutPossessive(text[t.Start..t.End].ToLowerInvariant())))
            .Where(w => w.Term.Length > 1 && !Connectives.Contains(w.Written));

    private static string Uncited(string sentence)
    {
        var text = new System.Text.StringBuilder(sentence.Length);
        int depth = 0;
        foreach (char c in sentence)
        {
            depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
            text.Append(depth > 0 || c == ']' ? ' ' : c);
        }

        return text.ToString();
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // As the analyzer's possessive filter does: "source's" is "source".
    private static string WithoutPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal) ? word[..^2] : word;

    private static readonly Lazy<Analyzer> Analysis = new(TextAnalysis.CreateAnalyzer);

    /// <summary>
    /// Words a reply wraps its facts in, beyond the index's stop words: pronouns, modal and auxiliary verbs, the
    /// words it uses to talk about its sources.
    /// </summary>
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "so", "yet", "nor", "than", "those", "its", "were", "been", "being", "am", "do", "does", "did", "done", "has",
        "have", "had", "having", "would", "shall", "should", "can", "could", "may", "might", "must", "from", "onto",
        "over", "under", "about", "up", "down", "out", "off", "yes", "all", "any", "some", "each", "every", "both",
        "either", "neither", "only", "also", "just", "very", "too", "more", "most", "less", "own", "same", "other",
        "here", "where", "when", "what", "which", "who", "whom", "whose", "why", "how", "he", "she", "them", "his",
        "her", "we", "us", "our", "you", "your", "i", "me", "my", "one", "don", "passage", "passages", "source",
        "sources", "document", "documents", "quote", "quoted", "quotes", "says", "say", "said", "states", "stated",
        "according", "puts", "put", "writes", "written", "mentions", "notes",
    };

    /// <summary>A word: its index term, and how it was written (lower case).</summary>
    private readonly record struct Word(string Term, string Written);
}
