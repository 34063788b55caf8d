using System.Text.RegularExpressions;

namespace BriefBot.Cli;

/// <summary>
/// Source syntax that a reader never sees and a quote must never show: front matter keys, link syntax
/// (<c>](</c>, <c>][</c>), HTML entities, bold markers and <c>{ #anchor }</c> heading attributes.
/// </summary>
internal static partial class QuoteMarkup
{
    public static bool Shows(string? quote) => quote is not null && Pattern().IsMatch(quote);

    [GeneratedRegex(@"^\s*(?:title|description|weight|slug|aliases|date):\s|\]\(|\]\[|&[a-z]+;|\*\*|\{ *#[\w-]+ *\}|^---\s*$", RegexOptions.Multiline)]
    private static partial Regex Pattern();
}
