using BriefBot.Search.Index;
using BriefBot.Search.Text;
using Lucene.Net.Search;

namespace BriefBot.Search.Answering;

/// <summary>
/// Answers a question from the index: retrieves candidate passages with BM25, weighs each one and its best sentence
/// against the question (<see cref="SentenceScorer"/>), quotes the best sentence of the best passage and cites it, or
/// abstains when the confidence falls below the threshold.
/// </summary>
internal sealed class Answerer(PassageIndex index, double abstainBelow, Links links)
{
    private const int CandidateCount = 8;
    private const int MaxRelated = 3;
    private const int RelatedSnippetChars = 200;

    public Answer Ask(string question, ParsedQuestion asked) => index.Read(searcher =>
    {
        var snapshot = Snapshot.Of(searcher.IndexReader, index.Analyzer);
        var parsed = snapshot.Mend(asked);
        var hits = searcher.Search(QueryBuilder.Build(parsed), CandidateCount).ScoreDocs;
        if (hits.Length == 0)
        {
            return Answer.NotFound(question, 0, []);
        }

        var weights = TermWeights(snapshot, parsed);
        var scorer = new SentenceScorer(parsed, weights, snapshot, hits[0].Score);
        var evidence = hits.Select(hit => scorer.Weigh(snapshot.Read(hit.Doc).Passage with { Score = hit.Score }))
            .OrderByDescending(Judgement.Rank).ToList();
        var winner = evidence[0];
        double confidence = Judgement.Confidence(winner);
        if (confidence < abstainBelow)
        {
            return Answer.NotFound(question, confidence, evidence.Select(e => e.Best.Passage.Title).Distinct().Take(MaxRelated).ToList());
        }

        var best = winner.Best;
        var quote = QuoteBuilder.Build(best.Passage.Text, best.Span, scorer.Anchors(best.Passage, best.Span));
        var related = evidence.Skip(1)
            .Where(e => Judgement.Rank(e) >= Judgement.Rank(winner) * 0.6)
            .Take(MaxRelated)
            .Select(e => new RelatedPassage(
                QuoteBuilder.Build(e.Best.Passage.Text, e.Best.Span, scorer.Anchors(e.Best.Passage, e.Best.Span), RelatedSnippetChars).Text,
                CiteOf(e.Best.Passage, e.Best.Span)))
            .ToList();
        return new Answer(question, AnswerStatus.Answered, quote.Text, CiteOf(best.Passage, quote.Verbatim), confidence, related, [], null);
    });

    private Citation CiteOf(CandidatePassage passage, Span quote) => new(
        passage.Title,
        passage.Path,
        links.For(passage.Path, passage.Url, passage.Slug),
        passage.Ordinal,
        passage.Section,
        passage.Start,
        passage.End,
        passage.Start + quote.Start,
        passage.Start + quote.End,
        passage.Text)
    {
        Location = passage.Location,
    };

    // BM25's inverse document frequency of each question term over the passages.
    private static Dictionary<string, double> TermWeights(Snapshot snapshot, ParsedQuestion parsed) =>
        parsed.Terms.ToDictionary(t => t.Stem, t => snapshot.Idf(t.Stem), StringComparer.Ordinal);
}
