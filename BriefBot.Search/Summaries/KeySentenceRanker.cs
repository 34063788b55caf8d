using BriefBot.Search.Index;
using BriefBot.Search.Text;

namespace BriefBot.Search.Summaries;

/// <summary>
/// Ranks the sentences of one text: early sentences first (writers put the point up front), then those closest to
/// the text as a whole (TF-IDF cosine with the text's centroid), of a readable length; picks greedily while
/// penalising repeats of what was already picked (maximal marginal relevance).
/// </summary>
internal sealed class KeySentenceRanker
{
    private const int MaxCandidates = 1_000;
    // Measured on the CNN/DailyMail dev set (docs/quality.md); the optimum is flat around these values.
    private const int MinWords = 6;
    private const double PositionDecay = 6;
    private const double CentralityWeight = 0.6;
    private const double RedundancyWeight = 0.3;
    private const double ShortWords = 15;
    private const double LongWords = 35;

    private readonly List<Candidate> _candidates = [];

    public KeySentenceRanker(string text, IReadOnlyList<Span> spans, IReadOnlyList<AnalyzedToken> tokens)
    {
        int t = 0;
        foreach (var span in spans)
        {
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            while (t < tokens.Count && tokens[t].Start < span.Start)
            {
                t++;
            }

            for (; t < tokens.Count && tokens[t].End <= span.End; t++)
            {
                terms[tokens[t].Term] = terms.GetValueOrDefault(tokens[t].Term) + 1;
            }

            var sentence = text.AsSpan(span.Start, span.Length);
            int words = CountWords(sentence);
            if (words >= MinWords && terms.Count > 0 && !Boilerplate.Holds(sentence))
            {
                _candidates.Add(new Candidate(span, words, terms));
                if (_candidates.Count == MaxCandidates)
                {
                    break;
                }
            }
        }
    }

    public IReadOnlyList<Span> Choose(int count)
    {
        if (_candidates.Count == 0)
        {
            return [];
        }

        Weigh();
        var chosen = new List<Candidate>();
        var left = new List<Candidate>(_candidates);
        while (chosen.Count < count && left.Count > 0)
        {
            var best = left.MaxBy(c => c.Score - RedundancyWeight * chosen.Select(p => Cosine(c.Vector, p.Vector)).DefaultIfEmpty(0).Max())!;
            chosen.Add(best);
            left.Remove(best);
        }

        return chosen.Select(c => c.Span).OrderBy(s => s.Start).ToList();
    }

    private void Weigh()
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in _candidates.SelectMany(c => c.Terms.Keys))
        {
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        double n = _candidates.Count;
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var candidate in _candidates)
        {
            foreach (var (term, tf) in candidate.Terms)
            {
                double weight = tf * Math.Log(1 + n / documentFrequency[term]);
                candidate.Vector[term] = weight;
                centroid[term] = centroid.GetValueOrDefault(term) + weight;
            }
        }

        for (int i = 0; i < _candidates.Count; i++)
        {
            var c = _candidates[i];
            double position = Math.Exp(-i / PositionDecay);
            double length = c.Words < ShortWords ? c.Words / ShortWords : c.Words > LongWords ? LongWords / c.Words : 1;
            c.Score = (position + CentralityWeight * Cosine(c.Vector, centroid)) * length;
        }
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        double dot = a.Sum(kv => kv.Value * b.GetValueOrDefault(kv.Key));
        double norms = Math.Sqrt(a.Values.Sum(v => v * v) * b.Values.Sum(v => v * v));
        return norms > 0 ? dot / norms : 0;
    }

    private static int CountWords(ReadOnlySpan<char> sentence)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in sentence)
        {
            bool letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }

    private sealed class Candidate(Span span, int words, Dictionary<string, int> terms)
    {
        public Span Span { get; } = span;

        public int Words { get; } = words;

        public Dictionary<string, int> Terms { get; } = terms;

        public Dictionary<string, double> Vector { get; } = new(StringComparer.Ordinal);

        public double Score { get; set; }
    }
}
