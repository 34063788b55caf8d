using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BriefBot.Search.Answering.Meaning;
using BriefBot.Search.Index;
using BriefBot.Search.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace BriefBot.Search.Answering;

/// <summary>
/// What the answerer reads in a passage whatever the question asks: its analysed tokens, each token's word vector
/// and rarity, and its sentences.
/// </summary>
internal sealed record PassageReading(List<AnalyzedToken> Tokens, float[]?[] Vectors, float[] Rarity, IReadOnlyList<Span> Sentences);

/// <summary>
/// What the answerer has worked out about one index snapshot (one reader, from one commit to the next): BM25's inverse
/// document frequency of terms, and the readings of passages it has weighed. A passage that comes up again, for
/// another question, is not analysed again. Both are bounded, and go with the snapshot when a refresh replaces it.
/// </summary>
internal sealed class Snapshot
{
    private const int MaxTerms = 500_000;
    private const int MaxReadings = 20_000;
    private static readonly ConditionalWeakTable<IndexReader, Snapshot> ByReader = [];

    private readonly IndexReader _reader;
    private readonly Analyzer _analyzer;
    private readonly int _passages;
    private readonly ConcurrentDictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, PassageReading> _readings = new();

    private Snapshot(IndexReader reader, Analyzer analyzer) =>
        (_reader, _analyzer, _passages) = (reader, analyzer, Math.Max(1, reader.GetDocCount(FieldNames.Text)));

    public static Snapshot Of(IndexReader reader, Analyzer analyzer) => ByReader.GetValue(reader, r => new Snapshot(r, analyzer));

    public double Idf(string term)
    {
        if (_idf.TryGetValue(term, out double idf))
        {
            return idf;
        }

        int df = _reader.DocFreq(new Term(FieldNames.Text, term));
        idf = Math.Log(1 + (_passages - df + 0.5) / (df + 0.5));
        Remember(_idf, term, idf, MaxTerms);
        return idf;
    }

    public PassageReading Read(CandidatePassage passage)
    {
        if (_readings.TryGetValue(passage.Doc, out var known))
        {
            return known;
        }

        string text = passage.Text;
        var tokens = TextAnalysis.Tokenize(_analyzer, text);
        var vectors = new float[]?[tokens.Count];
        var rarity = new float[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            vectors[t] = WordVectors.Shared.Of(text.AsSpan(tokens[t].Start, tokens[t].End - tokens[t].Start));
            rarity[t] = (float)Idf(tokens[t].Term);
        }

        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count == 0)
        {
            sentences.Add(new Span(0, text.Length));
        }

        var reading = new PassageReading(tokens, vectors, rarity, sentences);
        Remember(_readings, passage.Doc, reading, MaxReadings);
        return reading;
    }

    private static void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value, int max)
        where TKey : notnull
    {
        if (cache.Count >= max)
        {
            cache.Clear();
        }

        cache[key] = value;
    }
}
