using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace BriefBot.Search.Answering.Meaning;

/// <summary>
/// Static word vectors: words that mean alike ("built", "construction") point alike. Each word is cut into the word
/// pieces of a BERT vocabulary (longest piece first, as WordPiece does) and its vector is the normalised mean of its
/// pieces' vectors. The piece vectors ship in <c>word-vectors.bin</c> (see README.md beside it for how they are made).
/// </summary>
internal sealed class WordVectors
{
    private const string Resource = "BriefBot.Search.Answering.Meaning.word-vectors.bin";
    private const int MaxWordChars = 64;
    private const int MaxCachedWords = 100_000;

    private static readonly Lazy<WordVectors> Bundled = new(() => Read(typeof(WordVectors).Assembly.GetManifestResourceStream(Resource)
        ?? throw new InvalidOperationException($"{Resource} is not embedded in BriefBot.Search")));

    // Pieces that begin a word, and pieces that continue one (stored without their "##"), looked up by span.
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _starts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _continuations;
    private readonly float[] _vectors;
    // Keyed by the word as written, so that a word seen before costs one lookup and no allocation.
    private readonly ConcurrentDictionary<string, float[]?> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, float[]?>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;

    private WordVectors(Dictionary<string, int> pieces, float[] vectors, int dimensions)
    {
        (_vectors, Dimensions) = (vectors, dimensions);
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        var continuations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (piece, index) in pieces)
        {
            if (piece.StartsWith("##", StringComparison.Ordinal))
            {
                continuations[piece[2..]] = index;
            }
            else
            {
                starts[piece] = index;
            }
        }

        _starts = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        _continuations = continuations.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordVectors Shared => Bundled.Value;

    public int Dimensions { get; }

    /// <summary>The unit vector of a word as written, or null when no piece of the vocabulary makes it up.</summary>
    public float[]? Of(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordChars)
        {
            return null;
        }

        if (_wordsBySpan.TryGetValue(word, out var known))
        {
            return known;
        }

        var vector = Compose(Normalise(word));
        if (_words.Count >= MaxCachedWords)
        {
            _words.Clear();
        }

        _words[word.ToString()] = vector;
        return vector;
    }

    private float[]? Compose(string word)
    {
        var sum = new float[Dimensions];
        int count = 0;
        int start = 0;
        for (int i = 0; i <= word.Length; i++)
        {
            if (i == word.Length || !char.IsLetterOrDigit(word[i]))
            {
                count += AddPieces(word.AsSpan(start, i - start), sum);
                start = i + 1;
            }
        }

        return count == 0 ? null : VectorMath.Normalised(sum);
    }

    // WordPiece: the longest piece of the vocabulary at the start, then "##" pieces for the rest; a word that cannot
    // be cut up entirely adds nothing.
    private int AddPieces(ReadOnlySpan<char> run, float[] sum)
    {
        if (run.IsEmpty)
        {
            return 0;
        }

        var found = new List<int>();
        for (int start = 0; start < run.Length;)
        {
            int end = run.Length;
            int piece = -1;
            var pieces = start == 0 ? _starts : _continuations;
            while (end > start && !pieces.TryGetValue(run[start..end], out piece))
            {
                end--;
            }

            if (end == start)
            {
                return 0;
            }

            found.Add(piece);
            start = end;
        }

        foreach (int piece in found)
        {
            VectorMath.Add(sum, _vectors.AsSpan(piece * Dimensions, Dimensions));
        }

        return found.Count;
    }

    // Lower case without accents, as the uncased vocabulary was made.
    private static string Normalise(ReadOnlySpan<char> word)
    {
        string lower = word.ToString().ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }

        var builder = new StringBuilder(lower.Length);
        foreach (char c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static WordVectors Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(4).AsSpan().SequenceEqual("BBWV"u8) || reader.ReadInt32() != 1)
        {
            throw new InvalidDataException("word-vectors.bin is not a version 1 BBWV file");
        }

        int count = reader.ReadInt32(), dimensions = reader.ReadInt32();
        var pieces = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var vectors = new float[count * dimensions];
        var bytes = new byte[dimensions];
        for (int i = 0; i < count; i++)
        {
            pieces[reader.ReadString()] = i;
            float scale = reader.ReadSingle();
            reader.BaseStream.ReadExactly(bytes);
            for (int d = 0; d < dimensions; d++)
            {
                vectors[i * dimensions + d] = (sbyte)bytes[d] * scale;
            }
        }

        return new WordVectors(pieces, vectors, dimensions);
    }
}
