using System.Text.RegularExpressions;

namespace BriefBot.Search.Rephrasing;

/// <summary>
/// Decides whether a model's reply may be shown: not empty, not too long, cites only passages it was given, every
/// quoted span occurs verbatim (up to runs of white space) in a passage cited next to it, and every sentence is
/// supported by the passages it cites (<see cref="SentenceSupport"/>). A quote belongs to the citations that follow
/// it before the next quote, or, when none follow, to those just before it.
/// </summary>
internal static partial class GroundingCheck
{
    private const int MaxLineBreaks = 3;

    public static (RephraseOutcome Outcome, string? Detail) Check(string reply, IReadOnlyList<string> passages, string question, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return (RephraseOutcome.EmptyReply, null);
        }

        if (reply.Length > maxLength)
        {
            return (RephraseOutcome.TooLong, $"{reply.Length} characters, limit {maxLength}");
        }

        if (!QuotedSpans.TryFind(reply, out var quotes))
        {
            return (RephraseOutcome.UnbalancedQuotes, null);
        }

        var citations = new List<(int Number, int At)>();
        foreach (Match match in CitationPattern().Matches(reply))
        {
            if (quotes.Any(q => match.Index > q.Start && match.Index < q.End))
            {
                continue; // brackets inside a quotation are the source's own text
            }

            foreach (string item in match.Groups[1].Value.Split(','))
            {
                if (!int.TryParse(item, out int number) || number < 1 || number > passages.Count)
                {
                    return (RephraseOutcome.UnknownCitation, $"[{item.Trim()}] of {passages.Count} passages");
                }

                citations.Add((number, match.Index));
            }
        }

        if (citations.Count == 0)
        {
            return (RephraseOutcome.NoCitation, null);
        }

        if (quotes.Count == 0)
        {
            return (RephraseOutcome.NoQuote, null);
        }

        string outside = QuotedSpans.Outside(reply, quotes);
        if (QuotedSpans.HasOtherQuotationMarks(outside))
        {
            return (RephraseOutcome.UncheckableQuote, null);
        }

        if (outside.Contains("://", StringComparison.Ordinal) || outside.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return (RephraseOutcome.ContainsLink, null);
        }

        if (NotPlain().IsMatch(outside) || outside.Count(c => c == '\n') > MaxLineBreaks)
        {
            return (RephraseOutcome.NotPlainText, null);
        }

        var spans = new List<string>(quotes.Count);
        for (int i = 0; i < quotes.Count; i++)
        {
            int after = i + 1 < quotes.Count ? quotes[i + 1].Start : reply.Length;
            int before = i > 0 ? quotes[i - 1].End : 0;
            var cited = citations.Where(c => c.At > quotes[i].End && c.At < after).Select(c => c.Number).ToList();
            if (cited.Count == 0)
            {
                cited = citations.Where(c => c.At > before && c.At < quotes[i].Start).Select(c => c.Number).ToList();
            }

            string span = Normalize(Trim(reply[(quotes[i].Start + 1)..quotes[i].End]));
            if (cited.Count == 0 || span.Length == 0 || !cited.Any(n => Normalize(passages[n - 1]).Contains(span, StringComparison.Ordinal)))
            {
                return (RephraseOutcome.QuoteNotInSource, cited.Count == 0 ? $"quotation {i + 1} cites no passage" : $"quotation {i + 1} not in passage [{string.Join("], [", cited)}]");
            }

            spans.Add(span);
        }

        return SentenceSupport.FirstUnsupported(outside, quotes, citations, spans, passages, question) is { } unsupported
            ? (RephraseOutcome.UnsupportedSentence, unsupported)
            : (RephraseOutcome.Rephrased, null);
    }

    /// <summary>Drops white space and an ellipsis at either end: a model may mark a quote it took from the middle.</summary>
    private static string Trim(string span) => span.Trim().Trim('\u2026').Trim('.').Trim();

    private static string Normalize(string text) => WhiteSpace().Replace(text, " ").Trim();

    /// <summary>[1], [1][2] (two matches) or [1, 2].</summary>
    [GeneratedRegex(@"\[(\d{1,6}(?:\s*,\s*\d{1,6})*)\]")]
    private static partial Regex CitationPattern();

    /// <summary>Markdown (headings, lists, tables, code, bold, links), HTML or Slack markup (&lt;@U1&gt;, &lt;!channel&gt;).</summary>
    [GeneratedRegex(@"(^|\n)\s*(#|[-*+]\s|\d+\.\s|\||>)|```|\*\*|__|\]\(|<[a-zA-Z/!@#]", RegexOptions.None)]
    private static partial Regex NotPlain();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
