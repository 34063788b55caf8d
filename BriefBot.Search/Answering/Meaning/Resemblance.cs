using BriefBot.Search.Index;

namespace BriefBot.Search.Answering.Meaning;

/// <summary>A passage's reading with how close each of its tokens comes to each question term (token-major, 0..1).</summary>
internal sealed record TextMeaning(PassageReading Reading, float[] Closeness)
{
    public List<AnalyzedToken> Tokens => Reading.Tokens;
}

/// <summary>
/// How close a stretch of text comes to a question in meaning rather than in words, in two ways:
/// <list type="bullet">
/// <item><see cref="Share"/>: each question term counts by its weight times the cosine between its word vector and
/// the closest word's in the stretch, so "constructed" holds much of "build" (and "built" all of "built");</item>
/// <item><see cref="Likeness"/>: the cosine between the question's and the stretch's rarity-weighted mean vectors.</item>
/// </list>
/// </summary>
internal sealed class Resemblance
{
    private readonly WordVectors _vectors;
    private readonly float[]?[] _questionVectors;
    private readonly double[] _weights;
    private readonly double _total;
    private readonly float[] _question;

    public Resemblance(WordVectors vectors, ParsedQuestion question, IReadOnlyDictionary<string, double> weights)
    {
        _vectors = vectors;
        _questionVectors = question.Terms.Select(t => vectors.Of(t.Surface)).ToArray();
        _weights = question.Terms.Select(t => weights.GetValueOrDefault(t.Stem)).ToArray();
        _total = Math.Max(1e-9, _weights.Sum());
        _question = new float[vectors.Dimensions];
        for (int q = 0; q < _questionVectors.Length; q++)
        {
            VectorMath.AddScaled(_question, _questionVectors[q], (float)_weights[q]);
        }

        VectorMath.Normalised(_question);
    }

    public TextMeaning Read(PassageReading reading)
    {
        int terms = _questionVectors.Length;
        var closeness = new float[reading.Tokens.Count * terms];
        for (int t = 0; t < reading.Tokens.Count; t++)
        {
            if (reading.Vectors[t] is not { } vector)
            {
                continue;
            }

            for (int q = 0; q < terms; q++)
            {
                if (_questionVectors[q] is { } questionVector)
                {
                    closeness[t * terms + q] = Math.Max(0, VectorMath.Dot(vector, questionVector));
                }
            }
        }

        return new TextMeaning(reading, closeness);
    }

    /// <summary>The weighted share of the question that the tokens within [start, end) hold in meaning (0..1).</summary>
    public double Share(TextMeaning meaning, int start, int end)
    {
        int terms = _questionVectors.Length;
        double held = 0;
        for (int q = 0; q < terms; q++)
        {
            float best = 0;
            for (int t = 0; t < meaning.Tokens.Count; t++)
            {
                if (Within(meaning.Tokens[t], start, end))
                {
                    best = Math.Max(best, meaning.Closeness[t * terms + q]);
                }
            }

            held += _weights[q] * best;
        }

        return held / _total;
    }

    /// <summary>The cosine between the question's and the tokens within [start, end)'s rarity-weighted mean vectors.</summary>
    public double Likeness(TextMeaning meaning, int start, int end)
    {
        var sum = new float[_vectors.Dimensions];
        for (int t = 0; t < meaning.Tokens.Count; t++)
        {
            if (Within(meaning.Tokens[t], start, end))
            {
                VectorMath.AddScaled(sum, meaning.Reading.Vectors[t], meaning.Reading.Rarity[t]);
            }
        }

        return VectorMath.Dot(_question, VectorMath.Normalised(sum));
    }

    private static bool Within(AnalyzedToken token, int start, int end) => token.Start >= start && token.End <= end;
}
