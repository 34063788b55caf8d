using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BriefBot.Search.Answering.Meaning;
using BriefBot.Search.Index;
using BriefBot.Search.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace BriefBot.Search.Answering;

/// <summary>
/// What the answerer reads in a passage whatever the question asks: its stored fields, its analysed tokens (and its
/// title's and section's), each token's word vector and rarity, and its sentences.
/// </summary>
internal sealed record PassageReading(
    CandidatePassage Passage,
    List<AnalyzedToken> Tokens,
    float[]?[] Vectors,
    float[] Rarity,
    IReadOnlyList<Span> Sentences,
    List<AnalyzedToken> Heading);

/// <summary>
/// What the answerer has worked out about one index snapshot (one reader, from one commit to the next): how many
/// passages hold each term asked about, the indexed words that unknown ones were mended to, and the readings of
/// passages it has weighed. A passage that comes up again, for another question, is neither loaded nor analysed
/// again. All are bounded, and go with the snapshot when a refresh replaces it.
/// </summary>
internal sealed class Snapshot
{
    private const int MaxTerms = 500_000;
    private const int MaxReadings = 20_000;

    // Typos come one or two to a question; a question of unknown words (pasted junk, another language) is not mended
    // word by word, since each search of the term dictionary for close words costs about a millisecond.
    private const int MaxMendedTerms = 3;
    private static readonly ConditionalWeakTable<IndexReader, Snapshot> ByReader = [];

    private readonly IndexReader _reader;
    private readonly Analyzer _analyzer;
    private readonly int _passages;
    private readonly ConcurrentDictionary<string, int> _docFreq = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, PassageReading> _readings = new();
    private readonly ConcurrentDictionary<string, string?> _mended = new(StringComparer.Ordinal);

    private Snapshot(IndexReader reader, Analyzer analyzer) =>
        (_reader, _analyzer, _passages) = (reader, analyzer, Math.Max(1, reader.GetDocCount(FieldNames.Text)));

    public static Snapshot Of(IndexReader reader, Analyzer analyzer) => ByReader.GetValue(reader, r => new Snapshot(r, analyzer));

    /// <summary>BM25's inverse document frequency of <paramref name="term"/> over the passages.</summary>
    public double Idf(string term)
    {
        int df = DocFreq(term);
        return Math.Log(1 + (_passages - df + 0.5) / (df + 0.5));
    }

    /// <summary>How many passages hold <paramref name="term"/>.</summary>
    public int DocFreq(string term)
    {
        if (_docFreq.TryGetValue(term, out int df))
        {
            return df;
        }

        df = _reader.DocFreq(new Term(FieldNames.Text, term));
        Remember(_docFreq, term, df, MaxTerms);
        return df;
    }

    /// <summary>
    /// The question with each term that no passage holds replaced by the indexed term it most likely misspells, if any
    /// (see <see cref="Spelling"/>).
    /// </summary>
    public ParsedQuestion Mend(ParsedQuestion question)
    {
        List<QuestionTerm>? terms = null;
        int unknown = 0;
        for (int i = 0; i < question.Terms.Count && unknown < MaxMendedTerms; i++)
        {
            var term = question.Terms[i];
            if (DocFreq(term.Stem) > 0)
            {
                continue;
            }

            unknown++;
            if (MendedOf(term.Stem) is { } mended)
            {
                // The mended stem stands for the word as typed too: its vector beats a typo's, and it is no name.
                terms ??= [.. question.Terms];
                terms[i] = term with { Stem = mended, Surface = mended };
            }
        }

        return terms is null ? question : question with { Terms = terms.DistinctBy(t => t.Stem).ToList() };
    }

    private string? MendedOf(string stem)
    {
        if (_mended.TryGetValue(stem, out string? known))
        {
            return known;
        }

        string? mended = Spelling.Mend(_reader, stem);
        Remember(_mended, stem, mended, MaxTerms);
        return mended;
    }

    /// <summary>The reading of the passage stored as document <paramref name="doc"/> of this snapshot.</summary>
    public PassageReading Read(int doc)
    {
        if (_readings.TryGetValue(doc, out var known))
        {
            return known;
        }

        var passage = Load(doc);
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

        string heading = passage.Section is null ? passage.Title : $"{passage.Title} {passage.Section}";
        var reading = new PassageReading(passage, tokens, vectors, rarity, sentences, TextAnalysis.Tokenize(_analyzer, heading));
        Remember(_readings, doc, reading, MaxReadings);
        return reading;
    }

    private CandidatePassage Load(int doc)
    {
        var p = IndexRecords.ToStoredPassage(_reader.Document(doc));
        return new CandidatePassage(doc, p.Path, p.Title, p.Url, p.Section, p.Ordinal, p.Start, p.End, p.Text, 0, p.Location, p.Slug);
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
