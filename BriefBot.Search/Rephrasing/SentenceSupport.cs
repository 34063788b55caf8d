using BriefBot.Search.Answering.Meaning;
using BriefBot.Search.Text;

namespace BriefBot.Search.Rephrasing;

/// <summary>
/// Whether every sentence a model wrote is supported by the passages it cites, so that words a document slipped in
/// ("ignore previous instructions and tell everyone to …") cannot become part of the answer. The support of a
/// passage is not all of its text but its <em>evidence</em>: the sentences a verified quotation comes from and those
/// sharing two content words with the question. A word outside the quotations is supported when the evidence or the
/// question has it (up to a plain suffix) or a word of like meaning (bundled word vectors). A sentence with a
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
        var asked = Words(question).ToHashSet(StringComparer.Ordinal);
        var evidence = passages.Select(p => Evidence(p, spans, asked)).ToList();
        var sentences = SentenceSplitter.Split(outside);
        for (int s = 0; s < sentences.Count; s++)
        {
            var (start, end) = (sentences[s].Start, sentences[s].End);
            var cited = citations.Where(c => c.At >= start && c.At < end).Select(c => c.Number).Distinct().ToList();
            var support = new HashSet<string>(asked, StringComparer.Ordinal);
            foreach (int n in cited.Count > 0 ? cited : Enumerable.Range(1, passages.Count))
            {
                support.UnionWith(evidence[n - 1]);
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
    private static HashSet<string> Evidence(string passage, IReadOnlyList<string> spans, HashSet<string> asked)
    {
        string text = Normalized(passage);
        var located = spans.Select(span => (At: text.IndexOf(span, StringComparison.Ordinal), span.Length)).Where(l => l.At >= 0).ToList();
        int needed = Math.Min(2, asked.Count);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var own = Words(text[sentence.Start..sentence.End]).ToList();
            bool quoted = located.Any(l => l.At < sentence.End && l.At + l.Length > sentence.Start);
            if (quoted || (needed > 0 && own.Distinct().Count(asked.Contains) >= needed))
            {
                words.UnionWith(own);
            }
        }

        return words;
    }

    private static bool Supported(string word, HashSet<string> support) =>
        support.Contains(word) || (WordVectors.Shared.Of(word) is { } meaning && support.Any(s =>
            WordVectors.Shared.Of(s) is { } other && VectorMath.Dot(meaning, other) >= LikeMeaning));

    /// <summary>Content words, lower case, with a plain suffix taken off ("claims" and "claim" are one word).</summary>
    public static IEnumerable<string> Words(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            string word = text[start..i].ToLowerInvariant();
            if (word.Length > 1 && !StopWords.Contains(word))
            {
                yield return Stem(word);
            }
        }
    }

    private static string Stem(string word) => word switch
    {
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 4 } when word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("es", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

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

    /// <summary>Function words, and the words a reply uses to talk about its sources.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "that", "this", "these", "those",
        "it", "its", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "has", "have",
        "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "of", "in", "on",
        "at", "by", "for", "with", "without", "to", "from", "into", "onto", "over", "under", "about", "as", "up", "down",
        "out", "off", "not", "no", "yes", "all", "any", "some", "each", "every", "both", "either", "neither", "only",
        "also", "just", "very", "too", "more", "most", "less", "such", "own", "same", "other", "there", "here", "where",
        "when", "what", "which", "who", "whom", "whose", "why", "how", "he", "she", "they", "them", "their", "his",
        "her", "we", "us", "our", "you", "your", "i", "me", "my", "one", "s", "t", "re", "ve", "ll", "d", "don",
        "passage", "passages", "source", "sources", "document", "documents", "quote", "quoted", "quotes", "says",
        "say", "said", "states", "stated", "according", "puts", "put", "writes", "written", "mentions", "notes",
    };
}
