using BriefBot.Search.Index;
using Lucene.Net.Analysis;

namespace BriefBot.Search.Answering;

/// <summary>A content term of a question: its stem, and the words as typed.</summary>
internal sealed record QuestionTerm(string Stem, string Surface, int Position);

/// <summary>
/// A question reduced to what can be searched for: content terms, the kind of answer wanted, its words, and its runs of
/// three words as written (<see cref="Answering.Phrases"/>).
/// </summary>
internal sealed record ParsedQuestion(IReadOnlyList<QuestionTerm> Terms, AnswerKind Kind, IReadOnlySet<string> Words, IReadOnlySet<ulong> Phrases)
{
    // Words that ask rather than tell; they say what kind of answer is wanted but are not searched for.
    private static readonly HashSet<string> QuestionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "do", "done",
        "was", "were", "is", "are", "has", "have", "had", "can", "could", "would", "should", "may", "might",
        "name", "named", "called", "many", "much", "type", "kind", "year", "tell", "me", "please", "i", "you",
    };

    private static readonly (string Cue, AnswerKind Kind)[] Cues =
    [
        ("how many", AnswerKind.Number), ("how much", AnswerKind.Number), ("how long", AnswerKind.Number),
        ("how old", AnswerKind.Number), ("how far", AnswerKind.Number), ("how big", AnswerKind.Number),
        ("how large", AnswerKind.Number), ("how high", AnswerKind.Number), ("what percentage", AnswerKind.Number),
        ("what percent", AnswerKind.Number), ("what number", AnswerKind.Number), ("what amount", AnswerKind.Number),
        ("what year", AnswerKind.Time), ("which year", AnswerKind.Time), ("what date", AnswerKind.Time),
        ("what century", AnswerKind.Time), ("what decade", AnswerKind.Time), ("what month", AnswerKind.Time),
        ("what day", AnswerKind.Time), ("what time", AnswerKind.Time), ("when", AnswerKind.Time),
        ("what city", AnswerKind.Place), ("which city", AnswerKind.Place), ("what country", AnswerKind.Place),
        ("which country", AnswerKind.Place), ("what state", AnswerKind.Place), ("what region", AnswerKind.Place),
        ("where", AnswerKind.Place),
        ("who", AnswerKind.Person), ("whom", AnswerKind.Person), ("whose", AnswerKind.Person),
    ];

    public const int MaxTerms = 32;

    public static ParsedQuestion Parse(Analyzer analyzer, string question)
    {
        var terms = new List<QuestionTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in TextAnalysis.Tokenize(analyzer, question, maxTokens: 4 * MaxTerms))
        {
            string surface = question[token.Start..token.End];
            if (QuestionWords.Contains(surface) || !seen.Add(token.Term))
            {
                continue;
            }

            terms.Add(new QuestionTerm(token.Term, surface, token.Position));
            if (terms.Count == MaxTerms)
            {
                break;
            }
        }

        var words = WordsOf(question);
        return new ParsedQuestion(terms, KindOf(question), words, Answering.Phrases.Of(question));
    }

    /// <summary>The question's words, lower-cased, so that an answer candidate is not just the question repeated.</summary>
    private static HashSet<string> WordsOf(string question) =>
        question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    internal static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '\u201C', '\u201D', '\u2019'];

    private static AnswerKind KindOf(string question)
    {
        string lower = question.ToLowerInvariant();
        int best = int.MaxValue;
        var kind = AnswerKind.Other;
        foreach (var (cue, cueKind) in Cues)
        {
            int at = IndexOfWord(lower, cue);
            if (at >= 0 && at < best)
            {
                best = at;
                kind = cueKind;
            }
        }

        return kind;
    }

    private static int IndexOfWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool startOk = at == 0 || !char.IsLetter(text[at - 1]);
            int end = at + word.Length;
            bool endOk = end == text.Length || !char.IsLetter(text[end]);
            if (startOk && endOk)
            {
                return at;
            }
        }

        return -1;
    }
}
