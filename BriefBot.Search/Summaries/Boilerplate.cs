using System.Text.RegularExpressions;

namespace BriefBot.Search.Summaries;

/// <summary>
/// Lines that are furniture rather than content: bylines, publication stamps, "scroll down" prompts, share and
/// follow prompts. They never make a key sentence.
/// </summary>
internal static partial class Boilerplate
{
    public static bool Holds(ReadOnlySpan<char> sentence) => Furniture().IsMatch(sentence);

    [GeneratedRegex(
        @"^\s*(by\s*\.|by\s+[\p{L}.'\- ]{2,60}(reporter|correspondent|editor|writer)\b|published\s*:|updated\s*:|last updated\b|" +
        @"(scroll|click) (down|here)\b|follow\s+@|share this\b|read more\b|see more\b|related\s*:|advertisement\b|" +
        @"\(cnn\)\s*--\s*$)|\|\s*(updated|published)\b|\b(posted|updated|published)\s*(at|on)?\s*:?\s*\d{1,2}:\d{2}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();
}
