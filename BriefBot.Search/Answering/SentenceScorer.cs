using BriefBot.Search.Index;
using BriefBot.Search.Text;
using Lucene.Net.Analysis;

namespace BriefBot.Search.Answering;

/// <summary>Scores the sentences of candidate passages against one question.</summary>
internal sealed class SentenceScorer(Analyzer analyzer, ParsedQuestion question, IReadOnlyDictionary<string, double> weights, float topScore)
{
    private const double RankWeight = 0.35;
    private const double NeighbourWeight = 0.15;
    private const double CueWeight = 0.12;
    private const double PairWeight = 0.05;

    private readonly double _total = Math.Max(1e-9, weights.Values.Sum());
    private readonly Dictionary<CandidatePassage, List<AnalyzedToken>> _tokens = [];

    public ScoredSentence BestSentence(CandidatePassage passage)
    {
        var tokens = TokensOf(passage);
        var sentences = SentenceSplitter.Split(passage.Text);
        if (sentences.Count == 0)
        {
            sentences.Add(new Span(0, passage.Text.Length));
        }

        var matched = sentences.Select(s => MatchedIn(tokens, s)).ToList();
        var coverage = matched.Select(Coverage).ToList();
        double rank = topScore > 0 ? passage.Score / topScore : 0;

        ScoredSentence? best = null;
        for (int i = 0; i < sentences.Count; i++)
        {
            double neighbour = Math.Max(i > 0 ? coverage[i - 1] : 0, i + 1 < sentences.Count ? coverage[i + 1] : 0);
            var span = sentences[i];
            bool cue = AnswerCues.Holds(question.Kind, passage.Text.AsSpan(span.Start, span.Length), question.Words);
            double score = coverage[i] + RankWeight * rank + NeighbourWeight * neighbour
                + (cue ? CueWeight : 0) + PairWeight * AdjacentPairs(tokens, span);
            if (best is null || score > best.Score)
            {
                best = new ScoredSentence(passage, span, score, coverage[i], matched[i]);
            }
        }

        return best!;
    }

    /// <summary>How much of the question (by IDF) the passage, its title and its section hold together.</summary>
    public double PassageCoverage(CandidatePassage passage)
    {
        var present = TokensOf(passage).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        string heading = passage.Section is null ? passage.Title : $"{passage.Title} {passage.Section}";
        present.UnionWith(TextAnalysis.Tokenize(analyzer, heading).Select(t => t.Term));
        return Coverage(present);
    }

    /// <summary>Where the question's terms stand in a sentence, for cutting a long one down to a quote.</summary>
    public IReadOnlyList<(int Offset, double Weight)> Anchors(CandidatePassage passage, Span span) =>
        TokensOf(passage)
            .Where(t => t.Start >= span.Start && t.End <= span.End && weights.ContainsKey(t.Term))
            .Select(t => (t.Start, weights[t.Term]))
            .ToList();

    private List<AnalyzedToken> TokensOf(CandidatePassage passage)
    {
        if (!_tokens.TryGetValue(passage, out var tokens))
        {
            tokens = TextAnalysis.Tokenize(analyzer, passage.Text);
            _tokens[passage] = tokens;
        }

        return tokens;
    }

    private HashSet<string> MatchedIn(List<AnalyzedToken> tokens, Span span) =>
        tokens.Where(t => t.Start >= span.Start && t.End <= span.End && weights.ContainsKey(t.Term))
            .Select(t => t.Term)
            .ToHashSet(StringComparer.Ordinal);

    private double Coverage(IReadOnlySet<string> present) =>
        weights.Where(w => present.Contains(w.Key)).Sum(w => w.Value) / _total;

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
