using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Rephrasing;
using BriefBot.Search;

namespace BriefBot.Channels.Slack;

/// <summary>
/// Renders a <see cref="BotReply"/> as Block Kit: the quote as a rich text quote, the citation under it, and 👍/👎
/// buttons whose value is the question id; plus a plain-text fallback for notifications. The quote is a rich text
/// element, which Slack shows as the characters it holds (no mrkdwn, no mentions), so it stays verbatim; every other
/// piece of document text goes through <see cref="SlackText"/>.
/// </summary>
internal static class SlackBlocks
{
    public const string HelpfulAction = "feedback_helpful";
    public const string UnhelpfulAction = "feedback_unhelpful";

    /// <summary>A section's text holds at most 3,000 characters.</summary>
    public const int MaxSectionText = 3_000;

    /// <summary>A header's plain text holds at most 150 characters.</summary>
    public const int MaxHeaderText = 150;
    private const int MaxListedSources = 25;

    public static SlackMessage Render(BotReply reply) => reply switch
    {
        AnswerReply { Answer.IsAnswered: true } answer => Answered(answer),
        AnswerReply notFound => NotFound(notFound),
        HelpReply help => Help(help),
        SourcesReply sources => Sources(sources),
        TextReply text => new SlackMessage(text.Text, [Section(SlackText.Escape(text.Text))]),
        RephrasedReply rephrased => SlackRephrasedBlocks.Render(rephrased),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "No Slack rendering for this reply."),
    };

    /// <summary>The reply as the messages it takes: one, or a digest in as many parts as Slack's limits need.</summary>
    public static IReadOnlyList<SlackMessage> RenderAll(BotReply reply) =>
        reply is DigestReply digest ? SlackDigestBlocks.Render(digest.Digest) : [Render(reply)];

    private static SlackMessage Answered(AnswerReply reply)
    {
        var answer = reply.Answer;
        var citation = answer.Citation!;
        string source = DisplayText.WebLink(citation.Url) is null ? $"*{SlackText.Escape(citation.Title)}*" : SlackText.Link(citation.Url, citation.Title);
        string where = $"{SlackText.Code(citation.Path)}{CitationText.Place(citation)}";
        return new SlackMessage(
            $"“{answer.Quote}” — {citation.Title} ({citation.Path})",
            [Quote(answer.Quote!), Context($"Source: {source} · {where}"), FeedbackButtons(reply.QuestionId)]);
    }

    private static SlackMessage NotFound(AnswerReply reply)
    {
        string message = reply.Answer.Message ?? Answer.NotFoundMessage;
        var blocks = new JsonArray(Section(SlackText.Escape(message)));
        if (reply.Answer.ClosestTitles.Count > 0)
        {
            blocks.Add(Context("Closest documents: " + SlackText.Escape(string.Join(", ", reply.Answer.ClosestTitles))));
        }

        blocks.Add(FeedbackButtons(reply.QuestionId));
        return new SlackMessage(message, blocks);
    }

    private static SlackMessage Help(HelpReply help)
    {
        var text = new StringBuilder("*What I can do* (mention me, message me, or use `/brief`)\n");
        foreach (var (command, description) in help.Commands)
        {
            text.Append(CultureInfo.InvariantCulture, $"• `{SlackText.Escape(command)}`: {SlackText.Escape(description)}\n");
        }

        return new SlackMessage("What I can do: " + string.Join(", ", help.Commands.Select(c => c.Command)), [Section(text.ToString())]);
    }

    private static SlackMessage Sources(SourcesReply sources)
    {
        string summary = $"I answer from {sources.Documents.Count} document(s), {sources.Passages} passages{BotFramework.ReplyRenderer.SkippedNote(sources)}.";
        var text = new StringBuilder($"*{summary}*\n");
        int listed = 0;
        foreach (var document in sources.Documents.Take(MaxListedSources))
        {
            string line = $"• {SlackText.Escape(SlackText.Shorten(document.Title, 120))} ({SlackText.Code(SlackText.Shorten(document.Path, 120))})\n";
            if (text.Length + line.Length > MaxSectionText - 40)
            {
                break;
            }

            text.Append(line);
            listed++;
        }

        if (sources.Documents.Count > listed)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {sources.Documents.Count - listed} more");
        }

        return new SlackMessage(summary, [Section(text.ToString())]);
    }

    public static JsonObject Header(string plainText) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = SlackText.Shorten(plainText, MaxHeaderText), ["emoji"] = true },
    };

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(mrkdwn),
    };

    /// <summary>Text shown as it is, as a quote: a rich text element is never read as mrkdwn or for mentions.</summary>
    public static JsonObject Quote(string text) => new()
    {
        ["type"] = "rich_text",
        ["elements"] = new JsonArray(new JsonObject
        {
            ["type"] = "rich_text_quote",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = DisplayText.WithoutBidiControls(text) }),
        }),
    };

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(mrkdwn)),
    };

    // verbatim: Slack does not turn bare URLs, channel names or @mentions in the text into links or pings.
    private static JsonObject Mrkdwn(string mrkdwn) => new() { ["type"] = "mrkdwn", ["text"] = SlackText.Shorten(mrkdwn, MaxSectionText), ["verbatim"] = true };

    private static JsonObject FeedbackButtons(long questionId) => new()
    {
        ["type"] = "actions",
        ["block_id"] = "feedback",
        ["elements"] = new JsonArray(
            Button("👍 Helpful", HelpfulAction, questionId),
            Button("👎 Not helpful", UnhelpfulAction, questionId)),
    };

    private static JsonObject Button(string label, string actionId, long questionId) => new()
    {
        ["type"] = "button",
        ["action_id"] = actionId,
        ["value"] = questionId.ToString(CultureInfo.InvariantCulture),
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label, ["emoji"] = true },
    };
}
