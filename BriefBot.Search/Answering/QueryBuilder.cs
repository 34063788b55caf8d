using BriefBot.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefBot.Search.Answering;

/// <summary>
/// Builds the Lucene query for a question from its analysed terms, never from its raw text, so Lucene syntax in a
/// question is just words. Terms score in the passage text and, less, in its title and section; question words that
/// stand next to each other score again when they stand close together in a passage.
/// </summary>
internal static class QueryBuilder
{
    private const float TitleBoost = 0.4f;
    private const float PhraseBoost = 0.6f;
    private const int PhraseSlop = 3;

    public static Query Build(ParsedQuestion question)
    {
        var query = new BooleanQuery();
        foreach (var term in question.Terms)
        {
            query.Add(new TermQuery(new Term(FieldNames.Text, term.Stem)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(FieldNames.Title, term.Stem)) { Boost = TitleBoost }, Occur.SHOULD);
        }

        var ordered = question.Terms.OrderBy(t => t.Position).ToList();
        for (int i = 1; i < ordered.Count; i++)
        {
            var (left, right) = (ordered[i - 1], ordered[i]);
            if (right.Position - left.Position > 2)
            {
                continue;
            }

            var phrase = new PhraseQuery { Slop = PhraseSlop, Boost = PhraseBoost };
            phrase.Add(new Term(FieldNames.Text, left.Stem), 0);
            phrase.Add(new Term(FieldNames.Text, right.Stem), right.Position - left.Position);
            query.Add(phrase, Occur.SHOULD);
        }

        return query;
    }
}
