using System.Text;
using System.Text.RegularExpressions;

namespace BriefBot.Search.Rephrasing;

/// <summary>
/// The quotations in a reply that the grounding check can verify: text between straight double quotes or between
/// curly double quotes. Other quotation marks are reported so that a quotation cannot slip past the check.
/// </summary>
internal static partial class QuotedSpans
{
    private const char Straight = '"';
    private const char Open = '\u201C';
    private const char Close = '\u201D';

    /// <summary>Finds the quoted spans (positions of the opening and closing marks); false when a mark is left open.</summary>
    public static bool TryFind(string reply, out List<(int Start, int End)> quotes)
    {
        quotes = [];
        int start = -1;
        char closer = default;
        for (int i = 0; i < reply.Length; i++)
        {
            char c = reply[i];
            if (start < 0 && (c == Straight || c == Open))
            {
                start = i;
                closer = c == Open ? Close : Straight;
            }
            else if (start >= 0 && c == closer)
            {
                quotes.Add((start, i));
                start = -1;
            }
            else if (start < 0 && c == Close)
            {
                return false;
            }
        }

        return start < 0;
    }

    /// <summary>The reply with every quotation blanked out, positions kept.</summary>
    public static string Outside(string reply, List<(int Start, int End)> quotes)
    {
        var text = new StringBuilder(reply);
        foreach (var (start, end) in quotes)
        {
            text.Remove(start, end - start + 1).Insert(start, new string(' ', end - start + 1));
        }

        return text.ToString();
    }

    /// <summary>True when the text outside the checked quotations still quotes something: ‘…’, «…», „…“, 「…」 or 'like this'.</summary>
    public static bool HasOtherQuotationMarks(string outside) => OtherQuotes().IsMatch(outside);

    [GeneratedRegex(@"[\u2018\u201A\u201E\u00AB\u00BB\u2039\u203A\u300C\u300D\u300E\u300F]|(?<=^|\s)'[^'\n]{2,}'(?=\s|[.,;:!?)]|$)")]
    private static partial Regex OtherQuotes();
}
