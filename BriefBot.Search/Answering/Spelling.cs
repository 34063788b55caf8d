using BriefBot.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace BriefBot.Search.Answering;

/// <summary>
/// Mends question words that no passage holds but that are a typing slip away from a word that many do
/// ("Karistadt" for "Karlstadt", "intrisic" for "intrinsic"): the closest indexed term by edits (one for words of 5 to
/// 9 letters, two for longer ones, a swap of neighbours counting as one; the first letter as typed), the most frequent
/// among equally close ones. A word with nothing close stays as it is, so a question about something the sources lack
/// still finds nothing.
/// </summary>
internal static class Spelling
{
    private const int MinLength = 5;
    private const int MaxLength = 40;
    private const int TwoEditsFrom = 10;

    /// <summary>The term of <paramref name="reader"/> that <paramref name="stem"/> most likely misspells, or null.</summary>
    public static string? Mend(IndexReader reader, string stem)
    {
        if (stem.Length is < MinLength or > MaxLength || !stem.All(char.IsLetter) || MultiFields.GetTerms(reader, FieldNames.Text) is not { } terms)
        {
            return null;
        }

        int maxEdits = stem.Length >= TwoEditsFrom ? 2 : 1;
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(FieldNames.Text, stem), maxEdits, prefixLength: 1, transpositions: true);
        var boost = fuzzy.Attributes.AddAttribute<IBoostAttribute>();
        (string? Term, float Boost, int Df) best = (null, 0, 0);
        while (fuzzy.MoveNext())
        {
            // The boost grows as the edits shrink against the word's length.
            if (boost.Boost > best.Boost || boost.Boost == best.Boost && fuzzy.DocFreq > best.Df)
            {
                best = (fuzzy.Term.Utf8ToString(), boost.Boost, fuzzy.DocFreq);
            }
        }

        return best.Term;
    }
}
