using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace BriefBot.Search.Index;

/// <summary>A token as the index sees it: the stemmed term and where it stands in the analysed text.</summary>
internal readonly record struct AnalyzedToken(string Term, int Position, int Start, int End);

/// <summary>
/// The one analyzer of the index (English: possessives, lower case, stop words, Porter stemming), used alike for
/// documents, questions and sentences so that their terms compare.
/// </summary>
internal static class TextAnalysis
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer CreateAnalyzer() => new EnglishAnalyzer(Version);

    public static List<AnalyzedToken> Tokenize(Analyzer analyzer, string text, int maxTokens = int.MaxValue)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(FieldNames.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        int position = -1;
        while (stream.IncrementToken() && tokens.Count < maxTokens)
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
