using BriefBot.Search.Answering.Meaning;
using BriefBot.Search.Index;
using BriefBot.Search.Text;

namespace BriefBot.Search.Answering;

/// <summary>
/// Weighs candidate passages and their sentences against one question. A passage term counts for a question term
/// when their stems are equal, and half when one stem extends the other by a suffix Porter does not strip
/// ("champ" and "championship").
/// </summary>
internal sealed class SentenceScorer(ParsedQuestion question, IReadOnlyDictionary<string, double> weights, Snapshot snapshot, float topScore)
{
    private const double NeighbourWeight = 0.15;
    private const double CueWeight = 0.12;
    private const double PairWeight = 0.05;
    private const int MinSharedPrefix = 5;
    private const double PrefixMatch = 0.5;

    // A sentence shorter than this is quoted with a neighbour, so that "He came back in 1908." says who came back.
    private const int ShortSentence = 160;

    private readonly double _total = Math.Max(1e-9, weights.Values.Sum());
    private readonly Dictionary<string, (string Term, double Factor)?> _matches = new(StringComparer.Ordinal);
    private readonly Resemblance _resemblance = new(WordVectors.Shared, question, weights);

    public Evidence Weigh(CandidatePassage passage)
    {
        var reading = snapshot.Read(passage.Doc);
        var tokens = reading.Tokens;
        var present = Matched(tokens, 0, passage.Text.Length);
        foreach (var (term, factor) in Matched(reading.Heading, 0, int.MaxValue))
        {
            present[term] = Math.Max(factor, present.GetValueOrDefault(term));
        }

        var meaning = _resemblance.Read(reading);
        var best = BestSentence(passage, reading);
        return new Evidence(
            best with
            {
                Meaning = _resemblance.Share(meaning, best.Span.Start, best.Span.End),
                Likeness = _resemblance.Likeness(meaning, best.Span.Start, best.Span.End),
            },
            topScore > 0 ? passage.Score / topScore : 0,
            passage.Score / _total,
            Coverage(present),
            NameShare(passage.Text),
            _resemblance.Share(meaning, 0, passage.Text.Length),
            _resemblance.Likeness(meaning, 0, passage.Text.Length),
            Phrases.Share(question.Phrases, passage.Text));
    }

    /// <summary>Where the question's terms stand in a sentence, for cutting a long one down to a quote.</summary>
    public IReadOnlyList<(int Offset, double Weight)> Anchors(CandidatePassage passage, Span span)
    {
        var anchors = new List<(int, double)>();
        foreach (var token in snapshot.Read(passage.Doc).Tokens)
        {
            if (token.Start >= span.Start && token.End <= span.End && MatchOf(token.Term) is { } match)
            {
                anchors.Add((token.Start, weights[match.Term] * match.Factor));
            }
        }

        return anchors;
    }

    private ScoredSentence BestSentence(CandidatePassage passage, PassageReading reading)
    {
        var (tokens, sentences) = (reading.Tokens, reading.Sentences);
        var coverage = sentences.Select(s => Coverage(Matched(tokens, s.Start, s.End))).ToList();
        int best = 0;
        double bestScore = double.MinValue;
        bool bestCue = false;
        for (int i = 0; i < sentences.Count; i++)
        {
            var span = sentences[i];
            double neighbour = Math.Max(i > 0 ? coverage[i - 1] : 0, i + 1 < sentences.Count ? coverage[i + 1] : 0);
            bool cue = AnswerCues.Holds(question.Kind, passage.Text.AsSpan(span.Start, span.Length), question.Words);
            double pairs = AdjacentPairs(tokens, span) / (double)Math.Max(1, question.Terms.Count - 1);
            double score = coverage[i] + NeighbourWeight * neighbour + (cue ? CueWeight : 0) + PairWeight * pairs;
            if (score > bestScore)
            {
                (best, bestScore, bestCue) = (i, score, cue);
            }
        }

        return new ScoredSentence(passage, WithContext(passage.Text, sentences, coverage, best), bestScore, coverage[best], bestCue);
    }

    // The sentence, joined by the neighbour that holds more of the question (the next one on a tie) when it is short
    // and the two fit in a quote.
    private static Span WithContext(string text, IReadOnlyList<Span> sentences, List<double> coverage, int i)
    {
        var span = sentences[i];
        if (span.Length >= ShortSentence)
        {
            return span;
        }

        bool hasNext = i + 1 < sentences.Count && sentences[i + 1].End - span.Start <= QuoteBuilder.MaxChars
            && !text.AsSpan(span.End, sentences[i + 1].Start - span.End).Contains('\n');
        bool hasPrevious = i > 0 && span.End - sentences[i - 1].Start <= QuoteBuilder.MaxChars
            && !text.AsSpan(sentences[i - 1].End, span.Start - sentences[i - 1].End).Contains('\n');
        if (hasPrevious && (!hasNext || coverage[i - 1] > coverage[i + 1]))
        {
            return new Span(sentences[i - 1].Start, span.End);
        }

        return hasNext ? new Span(span.Start, sentences[i + 1].End) : span;
    }

    // The question terms that the tokens within [start, end) hold, each with how fully.
    private Dictionary<string, double> Matched(List<AnalyzedToken> tokens, int start, int end)
    {
        var matched = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (token.Start >= start && token.End <= end && MatchOf(token.Term) is { } match)
            {
                matched[match.Term] = Math.Max(match.Factor, matched.GetValueOrDefault(match.Term));
            }
        }

        return matched;
    }

    private (string Term, double Factor)? MatchOf(string passageTerm)
    {
        if (_matches.TryGetValue(passageTerm, out var known))
        {
            return known;
        }

        (string, double)? found = weights.ContainsKey(passageTerm) ? (passageTerm, 1.0) : null;
        if (found is null && passageTerm.Length >= MinSharedPrefix)
        {
            foreach (var term in question.Terms)
            {
                string q = term.Stem;
                if (q.Length >= MinSharedPrefix && (passageTerm.StartsWith(q, StringComparison.Ordinal) || q.StartsWith(passageTerm, StringComparison.Ordinal)))
                {
                    found = (q, PrefixMatch);
                    break;
                }
            }
        }

        _matches[passageTerm] = found;
        return found;
    }

    private double Coverage(Dictionary<string, double> matched) =>
        matched.Sum(m => weights[m.Key] * m.Value) / _total;

    // Share of the question's capitalised words (names, titles) that the text holds exactly as written.
    private double NameShare(string text)
    {
        var names = question.Terms.Where(t => t.Position > 0 && char.IsUpper(t.Surface[0])).Select(t => t.Surface).ToList();
        return names.Count == 0 ? 0 : names.Count(n => text.Contains(n, StringComparison.Ordinal)) / (double)names.Count;
    }

    // Pairs of question terms that stand next to each other in the question and within a few words in the sentence.
    private int AdjacentPairs(List<AnalyzedToken> tokens, Span span)
    {
        var positions = tokens.Where(t => t.Start >= span.Start && t.End <= span.End)
            .GroupBy(t => t.Term)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Position).ToList(), StringComparer.Ordinal);
        var terms = question.Terms;
        int pairs = 0;
        for (int i = 1; i < terms.Count; i++)
        {
            if (positions.TryGetValue(terms[i - 1].Stem, out var left) && positions.TryGetValue(terms[i].Stem, out var right)
                && left.Any(l => right.Any(r => Math.Abs(r - l) <= 3)))
            {
                pairs++;
            }
        }

        return pairs;
    }
}
