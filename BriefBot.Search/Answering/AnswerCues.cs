namespace BriefBot.Search.Answering;

/// <summary>
/// Tells whether a stretch of text holds something of the kind a question asks for (a number, a date, a name)
/// that the question itself does not already say.
/// </summary>
internal static class AnswerCues
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "billion", "dozen", "half", "percent", "first", "second", "third",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "century", "centuries", "decade", "bc", "ad", "bce", "ce", "spring", "summer",
        "autumn", "winter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    public static bool Holds(AnswerKind kind, ReadOnlySpan<char> text, IReadOnlySet<string> questionWords)
    {
        if (kind == AnswerKind.Other)
        {
            return false;
        }

        bool first = true;
        foreach (var range in text.SplitAny(" \t\n"))
        {
            var raw = text[range];
            var word = raw.Trim(ParsedQuestion.Punctuation);
            bool sentenceStart = first;
            first = false;
            if (word.IsEmpty || questionWords.Contains(word.ToString().ToLowerInvariant()))
            {
                continue;
            }

            if (Matches(kind, word, sentenceStart))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(AnswerKind kind, ReadOnlySpan<char> word, bool sentenceStart) => kind switch
    {
        AnswerKind.Number => char.IsDigit(word[0]) || NumberWords.Contains(word.ToString()),
        AnswerKind.Time => IsYear(word) || TimeWords.Contains(word.ToString()) || word.EndsWith("s") && IsYear(word[..^1]),
        AnswerKind.Person or AnswerKind.Place => !sentenceStart && char.IsUpper(word[0]) && word.Length > 1,
        _ => false,
    };

    private static bool IsYear(ReadOnlySpan<char> word) =>
        word.Length is 3 or 4 && int.TryParse(word, out int year) && year is >= 100 and <= 2100;
}
