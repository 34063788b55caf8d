namespace BriefBot.Bench.InProcess;

/// <summary>
/// A vocabulary whose word frequencies follow Zipf's law (rank r drawn with weight 1/r^s, s = 1.07 as in English
/// text): the most frequent ranks are real English function words, the long tail pronounceable made-up words.
/// </summary>
internal sealed class ZipfVocabulary
{
    public const int Size = 60_000;
    private const double Exponent = 1.07;

    private static readonly string[] Common =
    [
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
        "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
        "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would",
        "who", "so", "no", "she", "other", "its", "may", "these", "about", "into", "than", "some", "could", "them",
        "only", "time", "new", "people", "two", "first", "also", "after", "years", "most", "over", "such", "state",
        "many", "made", "used", "between", "world", "city", "during", "war", "government", "century", "later",
        "under", "water", "system", "known", "school", "early", "large", "number", "through", "while", "since",
    ];

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "ch", "cl", "dr", "gr", "pl", "pr", "sh", "st", "th", "tr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
    private static readonly string[] Codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng"];

    private readonly string[] _words;
    private readonly double[] _cumulative;

    public ZipfVocabulary(int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(Common, StringComparer.Ordinal);
        _words = new string[Size];
        Common.CopyTo(_words, 0);
        for (int i = Common.Length; i < Size; i++)
        {
            string word;
            do
            {
                word = MakeWord(random, 1 + Math.Min(3, (int)Math.Log10(i)) + random.Next(2));
            }
            while (!seen.Add(word));
            _words[i] = word;
        }

        _cumulative = new double[Size];
        double total = 0;
        for (int rank = 1; rank <= Size; rank++)
        {
            total += 1 / Math.Pow(rank, Exponent);
            _cumulative[rank - 1] = total;
        }

        for (int i = 0; i < Size; i++)
        {
            _cumulative[i] /= total;
        }
    }

    /// <summary>A word drawn with its Zipf frequency.</summary>
    public string Draw(Random random)
    {
        int index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _words[Math.Min(index < 0 ? ~index : index, Size - 1)];
    }

    /// <summary>A word from the rarer half of the vocabulary: names and titles.</summary>
    public string DrawRare(Random random) => _words[random.Next(Size / 2, Size)];

    private static string MakeWord(Random random, int syllables)
    {
        var word = new System.Text.StringBuilder();
        for (int s = 0; s < syllables; s++)
        {
            word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
            if (s == syllables - 1 || random.Next(3) == 0)
            {
                word.Append(Codas[random.Next(Codas.Length)]);
            }
        }

        return word.ToString();
    }
}
