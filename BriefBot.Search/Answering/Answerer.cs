using BriefBot.Search.Index;
using BriefBot.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefBot.Search.Answering;

/// <summary>
/// Answers a question from the index: retrieves candidate passages with BM25, scores every sentence of them
/// against the question (IDF-weighted term coverage, the passage's own rank, neighbouring sentences, the kind of
/// answer asked for, adjacent question words), quotes the best one and cites it, or abstains when the best
/// passage covers too little of the question.
/// </summary>
internal sealed class Answerer(PassageIndex index, double abstainBelow)
{
    private const int CandidateCount = 12;
    private const int MaxRelated = 3;

    public Answer Ask(string question, ParsedQuestion parsed) => index.Read(searcher =>
    {
        var hits = searcher.Search(QueryBuilder.Build(parsed), CandidateCount).ScoreDocs;
        if (hits.Length == 0)
        {
            return Answer.NotFound(question, 0, []);
        }

        var weights = TermWeights(searcher.IndexReader, parsed);
        var candidates = hits.Select(hit => Load(searcher, hit)).ToList();
        var scorer = new SentenceScorer(index.Analyzer, parsed, weights, candidates[0].Score);
        var best = candidates.Select(scorer.BestSentence).ToList();
        var winner = best.MaxBy(s => s.Score)!;
        double confidence = scorer.PassageCoverage(winner.Passage);

        if (confidence < abstainBelow)
        {
            var closest = candidates.Select(c => c.Title).Distinct().Take(MaxRelated).ToList();
            return Answer.NotFound(question, confidence, closest);
        }

        var quote = QuoteBuilder.Build(winner.Passage.Text, winner.Span, scorer.Anchors(winner.Passage, winner.Span));
        var related = best
            .Where(s => s.Passage != winner.Passage && s.Score >= winner.Score * 0.5)
            .OrderByDescending(s => s.Score)
            .Take(MaxRelated)
            .Select(s => new RelatedPassage(QuoteBuilder.Build(s.Passage.Text, s.Span, scorer.Anchors(s.Passage, s.Span), 200).Text, CiteOf(s.Passage, s.Span)))
            .ToList();
        return new Answer(question, AnswerStatus.Answered, quote.Text, CiteOf(winner.Passage, quote.Verbatim), confidence, related, [], null);
    });

    private static Citation CiteOf(CandidatePassage passage, Span quote) => new(
        passage.Title,
        passage.Path,
        passage.Url,
        passage.Ordinal,
        passage.Section,
        passage.Start,
        passage.End,
        passage.Start + quote.Start,
        passage.Start + quote.End,
        passage.Text);

    // BM25's inverse document frequency of each question term over the passages.
    private static Dictionary<string, double> TermWeights(IndexReader reader, ParsedQuestion parsed)
    {
        int passages = Math.Max(1, reader.GetDocCount(FieldNames.Text));
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in parsed.Terms)
        {
            int df = reader.DocFreq(new Term(FieldNames.Text, term.Stem));
            weights[term.Stem] = Math.Log(1 + (passages - df + 0.5) / (df + 0.5));
        }

        return weights;
    }

    private static CandidatePassage Load(IndexSearcher searcher, ScoreDoc hit)
    {
        var d = searcher.Doc(hit.Doc);
        return new CandidatePassage(
            d.Get(FieldNames.Path),
            d.Get(FieldNames.Title),
            d.Get(FieldNames.Url),
            d.Get(FieldNames.Section),
            d.GetField(FieldNames.Ordinal).GetInt32Value() ?? 0,
            d.GetField(FieldNames.Start).GetInt32Value() ?? 0,
            d.GetField(FieldNames.End).GetInt32Value() ?? 0,
            d.Get(FieldNames.Text),
            hit.Score);
    }
}
