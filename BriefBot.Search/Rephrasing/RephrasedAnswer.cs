using System.Text.Json.Serialization;

namespace BriefBot.Search.Rephrasing;

/// <summary>What became of a request to rephrase an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RephraseOutcome>))]
public enum RephraseOutcome
{
    /// <summary>The model's reply passed the grounding check; <see cref="RephrasedAnswer.Text"/> is set.</summary>
    Rephrased,

    /// <summary>Rephrasing is not configured.</summary>
    Disabled,

    /// <summary>The extractive answer is an abstention or a refusal; there is nothing to rephrase.</summary>
    NotAnswered,

    /// <summary>No reply within the time budget.</summary>
    TimedOut,

    /// <summary>The service answered with an HTTP error (4xx or 5xx); the detail gives the status.</summary>
    ServiceError,

    /// <summary>The service could not be reached or its reply could not be read.</summary>
    Failed,

    /// <summary>The reply was empty.</summary>
    EmptyReply,

    /// <summary>The reply was longer than the limit, or cut off by the token limit.</summary>
    TooLong,

    /// <summary>The reply cites no passage.</summary>
    NoCitation,

    /// <summary>The reply cites a passage number the model was not given.</summary>
    UnknownCitation,

    /// <summary>The reply has no quotation.</summary>
    NoQuote,

    /// <summary>A quotation mark is not closed.</summary>
    UnbalancedQuotes,

    /// <summary>The reply quotes with marks the check cannot verify (‘…’, «…», 'single quotes').</summary>
    UncheckableQuote,

    /// <summary>A quoted span does not occur verbatim in the passage it cites.</summary>
    QuoteNotInSource,

    /// <summary>The reply carries a link of its own (outside a quotation).</summary>
    ContainsLink,

    /// <summary>The reply is not plain text: Markdown, markup or mentions outside a quotation, or too many lines.</summary>
    NotPlainText,

    /// <summary>A sentence of the reply says what the passages it cites do not: its words are not theirs.</summary>
    UnsupportedSentence,
}

/// <summary>
/// A rephrased answer, or the extractive one with the reason it stands. The extractive <see cref="Answer"/> (quote
/// and citation) is always there: show it under the rephrased text in any case.
/// </summary>
/// <param name="Answer">The extractive answer that was rephrased.</param>
/// <param name="Outcome">Rephrased, or why the extractive answer stands.</param>
/// <param name="Text">The model's plain-language answer (AI-generated), citing <see cref="Sources"/> as [1], [2]…; null on fallback.</param>
/// <param name="Sources">The passages the model was shown, in order: <c>Sources[0]</c> is [1].</param>
/// <param name="Detail">A short reason without any quoted text (an HTTP status, a citation number); null when none.</param>
/// <param name="Elapsed">Time spent on the model, retries included.</param>
public sealed record RephrasedAnswer(
    Answer Answer,
    RephraseOutcome Outcome,
    string? Text,
    IReadOnlyList<Citation> Sources,
    string? Detail,
    TimeSpan Elapsed)
{
    /// <summary>True when <see cref="Text"/> holds a grounded, AI-generated answer.</summary>
    public bool IsRephrased => Outcome == RephraseOutcome.Rephrased;

    /// <summary>The extractive answer standing on its own, for the given reason.</summary>
    public static RephrasedAnswer Extractive(Answer answer, RephraseOutcome outcome, string? detail = null, TimeSpan elapsed = default, IReadOnlyList<Citation>? sources = null) =>
        new(answer, outcome, null, sources ?? [], detail, elapsed);
}
