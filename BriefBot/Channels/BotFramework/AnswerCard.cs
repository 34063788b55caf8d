using System.Text.Json.Nodes;
using BriefBot.Conversation;
using BriefBot.Search;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// An answer as an Adaptive Card 1.5: the quote, where it comes from (a link when the source has an http(s) URL),
/// other sources worth reading, and 👍/👎 as <c>Action.Execute</c> carrying the question id back to the bot. The
/// document's words are in RichTextBlocks (<see cref="TeamsText"/>), never read as Markdown.
/// </summary>
internal static class AnswerCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string FeedbackVerb = "feedback";
    private const int MaxOtherSources = 3;

    public static JsonObject Build(long questionId, Answer answer)
    {
        var citation = answer.Citation!;
        var body = new JsonArray
        {
            TeamsText.Block($"“{answer.Quote}”", size: "Medium"),
            TeamsText.Block([
                TeamsText.Run("— ", subtle: true),
                TeamsText.Link(citation.Title, citation.Url, subtle: true),
                TeamsText.Run((citation.Section is { Length: > 0 } s ? $" · {s}" : "") + $" · {Where(citation)}", subtle: true)]),
        };

        var others = answer.Related
            .Select(r => r.Citation)
            .Where(c => c.Path != citation.Path)
            .DistinctBy(c => c.Path)
            .Take(MaxOtherSources)
            .ToList();
        if (others.Count > 0)
        {
            body.Add(TextBlock("Other sources", weight: "Bolder"));
            foreach (var other in others)
            {
                body.Add(TeamsText.Block([TeamsText.Run("- ", subtle: true), TeamsText.Link(other.Title, other.Url, subtle: true)]));
            }
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = PlainText(answer),
            ["body"] = body,
            ["actions"] = new JsonArray { Feedback(questionId, helpful: true), Feedback(questionId, helpful: false) },
        };
    }

    /// <summary>The answer for clients without cards, and for notifications.</summary>
    public static string PlainText(Answer answer) => TeamsText.Plain(
        $"“{answer.Quote}” — {answer.Citation!.Title}" + (DisplayText.WebLink(answer.Citation.Url) is { } url ? $" ({url.AbsoluteUri})" : "") + $", {Where(answer.Citation)}");

    private static string Where(Citation citation) => Conversation.CitationText.Where(citation);

    private static JsonObject Feedback(long questionId, bool helpful) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = helpful ? "👍 Helpful" : "👎 Not helpful",
        ["verb"] = FeedbackVerb,
        ["data"] = new JsonObject { ["questionId"] = questionId, ["helpful"] = helpful },
    };

    /// <summary>A wrapping TextBlock, Markdown and all: for BriefBot's own words only; document text goes through <see cref="TeamsText"/>.</summary>
    internal static JsonObject TextBlock(string text, string? size = null, string? weight = null, bool subtle = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }
}
