using BriefBot.Search;
using BriefBot.Search.Rephrasing;

namespace BriefBot.Rephrasing;

/// <summary>
/// The reply of <c>/api/ask</c> (and <c>ask --rephrase --json</c>) when rephrasing was asked for: the rephrased text,
/// marked AI-generated, or null with the reason; and always the extractive answer with its verbatim quote and citation.
/// </summary>
/// <param name="AiGenerated">True when <paramref name="Text"/> was written by the language model.</param>
/// <param name="Text">The rephrased answer, citing <paramref name="Sources"/> as [1], [2]…; null when the extractive answer stands.</param>
/// <param name="Outcome">Rephrased, or why not (Disabled, NotAnswered, TimedOut, ServiceError, QuoteNotInSource…).</param>
/// <param name="Detail">A short reason (an HTTP status, a citation number), never quoted text.</param>
/// <param name="ElapsedMs">Time spent on the model.</param>
/// <param name="Sources">What [1], [2]… stand for.</param>
/// <param name="Answer">The extractive answer: the quote and the citation to show under the text.</param>
internal sealed record RephrasedAskResponse(
    bool AiGenerated,
    string? Text,
    RephraseOutcome Outcome,
    string? Detail,
    double ElapsedMs,
    IReadOnlyList<NumberedSource> Sources,
    Answer Answer)
{
    public static RephrasedAskResponse From(RephrasedAnswer result) => new(
        result.IsRephrased,
        result.Text,
        result.Outcome,
        result.Detail,
        Math.Round(result.Elapsed.TotalMilliseconds, 1),
        result.Sources.Select((c, i) => new NumberedSource(i + 1, c.Title, c.Path, c.Url, c.Passage)).ToList(),
        result.Answer);
}

/// <summary>A passage the rephrased text cites by <paramref name="Number"/>.</summary>
internal sealed record NumberedSource(int Number, string Title, string Path, string? Url, int Passage);
