using System.Text.Json.Serialization;

namespace BriefBot.Search;

/// <summary>Whether BriefBot found an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerStatus>))]
public enum AnswerStatus
{
    /// <summary>A quote from the sources answers the question.</summary>
    Answered,

    /// <summary>The sources do not hold the answer; BriefBot says so rather than guess.</summary>
    NotFound,

    /// <summary>The question was empty, too long or had nothing to search for.</summary>
    Rejected,
}

/// <summary>
/// BriefBot's reply to a question: a verbatim quote and its citation, or an honest "not found".
/// </summary>
/// <param name="Question">The question as asked (capped to the maximum length).</param>
/// <param name="Status">Answered, not found, or rejected.</param>
/// <param name="Quote">The verbatim snippet, at most 300 characters of source text; cut ends carry "…".</param>
/// <param name="Citation">Where the quote comes from.</param>
/// <param name="Confidence">Between 0 and 1: how much of the question the cited passage covers.</param>
/// <param name="Related">Up to three other passages worth reading.</param>
/// <param name="ClosestTitles">When not found: the titles of the nearest documents.</param>
/// <param name="Message">A short sentence for the user when there is no quote.</param>
public sealed record Answer(
    string Question,
    AnswerStatus Status,
    string? Quote,
    Citation? Citation,
    double Confidence,
    IReadOnlyList<RelatedPassage> Related,
    IReadOnlyList<string> ClosestTitles,
    string? Message)
{
    /// <summary>The sentence shown when the sources do not hold the answer.</summary>
    public const string NotFoundMessage = "I couldn't find that in the sources.";

    /// <summary>True when <see cref="Quote"/> and <see cref="Citation"/> are set.</summary>
    public bool IsAnswered => Status == AnswerStatus.Answered;

    internal static Answer Refused(string question, string message) =>
        new(question, AnswerStatus.Rejected, null, null, 0, [], [], message);

    internal static Answer NotFound(string question, double confidence, IReadOnlyList<string> closest) =>
        new(question, AnswerStatus.NotFound, null, null, confidence, [], closest, NotFoundMessage);
}

/// <summary>Where a quote stands: the document, the passage, and character offsets in the document's text.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="Path">The document's path relative to its source folder, '/' separated.</param>
/// <param name="Url">A link to the document, when the source has one.</param>
/// <param name="Passage">The passage's ordinal within the document (0-based).</param>
/// <param name="Section">The heading the passage stands under, if any.</param>
/// <param name="PassageStart">Offset of the passage in the document text.</param>
/// <param name="PassageEnd">End offset (exclusive) of the passage.</param>
/// <param name="QuoteStart">Offset of the quoted text in the document text.</param>
/// <param name="QuoteEnd">End offset (exclusive) of the quoted text.</param>
/// <param name="PassageText">The whole passage, verbatim.</param>
public sealed record Citation(
    string Title,
    string Path,
    string? Url,
    int Passage,
    string? Section,
    int PassageStart,
    int PassageEnd,
    int QuoteStart,
    int QuoteEnd,
    string PassageText)
{
    /// <summary>Where in the document the passage stands, as a reader finds it: "page 4", "slide 3", "sheet Costs, row 12", "lines 10–14".</summary>
    public string? Location { get; init; }

    /// <summary>The title, the heading path and the location in one line: "Deployment › rsync, page 4".</summary>
    public string Where => string.Join(", ", new[] { Section is null ? Title : $"{Title} \u203A {Section}", Location }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>Another passage that bears on the question.</summary>
/// <param name="Snippet">Its most relevant sentence, verbatim, shortened like a quote.</param>
/// <param name="Citation">Where it stands.</param>
public sealed record RelatedPassage(string Snippet, Citation Citation);
