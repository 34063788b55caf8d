using System.Text;

namespace BriefBot.Bench.InProcess;

/// <summary>
/// Writes a deterministic corpus of Markdown files: a heading, then paragraphs of 3–8 sentences of about 20
/// Zipf-drawn words each (lengths spread like prose), each paragraph between 250 and 1,400 characters so that the
/// passage splitter makes exactly one passage of it. It keeps a sample of its sentences to ask questions about.
/// </summary>
internal sealed class SyntheticCorpus(int seed)
{
    public const int ParagraphsPerFile = 100;
    private const int FilesPerFolder = 500;
    private const int MinParagraphChars = 250;
    private const int MaxParagraphChars = 1_400;

    private readonly ZipfVocabulary _vocabulary = new(seed);
    private readonly Random _random = new(seed + 1);
    private readonly List<string> _sampledSentences = [];
    private int _files;

    /// <summary>Appends <paramref name="passages"/> passages to <paramref name="folder"/>, in new files.</summary>
    /// <returns>The bytes written.</returns>
    public long Write(string folder, int passages)
    {
        long bytes = 0;
        var text = new StringBuilder(256 * 1024);
        for (int written = 0; written < passages; written += ParagraphsPerFile)
        {
            text.Clear();
            text.Append("# ").Append(Capitalised(_vocabulary.DrawRare(_random))).Append(' ').Append(_vocabulary.DrawRare(_random)).Append("\n\n");
            for (int p = 0; p < Math.Min(ParagraphsPerFile, passages - written); p++)
            {
                AppendParagraph(text);
                text.Append("\n\n");
            }

            string sub = Path.Combine(folder, (_files / FilesPerFolder).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            string path = Path.Combine(sub, $"doc{_files++:D6}.md");
            byte[] content = Encoding.UTF8.GetBytes(text.ToString());
            File.WriteAllBytes(path, content);
            bytes += content.Length;
        }

        return bytes;
    }

    /// <summary>Questions: four in five take a run of words from a sentence of the corpus, one in five is random words.</summary>
    public List<string> Questions(int count)
    {
        var random = new Random(seed + 2);
        var questions = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            string[] words = i % 5 == 4 || _sampledSentences.Count == 0
                ? [.. Enumerable.Range(0, 6).Select(_ => _vocabulary.Draw(random))]
                : _sampledSentences[random.Next(_sampledSentences.Count)].TrimEnd('.').Split(' ');
            int length = Math.Min(words.Length, 4 + random.Next(5));
            int start = random.Next(words.Length - length + 1);
            questions.Add("What " + string.Join(' ', words, start, length).ToLowerInvariant() + "?");
        }

        return questions;
    }

    private void AppendParagraph(StringBuilder text)
    {
        int start = text.Length;
        int sentences = 3 + _random.Next(6);
        for (int s = 0; s < sentences || text.Length - start < MinParagraphChars; s++)
        {
            string sentence = Sentence();
            if (text.Length - start + sentence.Length + 1 > MaxParagraphChars)
            {
                break;
            }

            if (text.Length > start)
            {
                text.Append(' ');
            }

            text.Append(sentence);
            if (_random.Next(200) == 0 && _sampledSentences.Count < 20_000)
            {
                _sampledSentences.Add(sentence);
            }
        }
    }

    // About 20 words (roughly normal, 5 to 45), an occasional name, year or comma.
    private string Sentence()
    {
        double normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        int words = Math.Clamp((int)Math.Round(20 + (8 * normal)), 5, 45);
        var sentence = new StringBuilder(words * 7);
        for (int w = 0; w < words; w++)
        {
            if (w > 0)
            {
                sentence.Append(_random.Next(12) == 0 ? ", " : " ");
            }

            int roll = _random.Next(40);
            string word = roll == 0 ? Capitalised(_vocabulary.DrawRare(_random))
                : roll == 1 ? (1800 + _random.Next(225)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : _vocabulary.Draw(_random);
            sentence.Append(w == 0 ? Capitalised(word) : word);
        }

        return sentence.Append('.').ToString();
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
