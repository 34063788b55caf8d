using System.Text;
using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Rephrasing;

namespace BriefBot.Channels.BotFramework;

/// <summary>Turns a channel-agnostic <see cref="BotReply"/> into the message activity Teams shows.</summary>
internal static class ReplyRenderer
{
    private const int MaxListedSources = 20;

    /// <summary>
    /// An answered question becomes a card; its plain-text fallback travels as the card's <c>fallbackText</c> and the
    /// activity's <c>summary</c>, since Teams splits a message holding both <c>text</c> and a card into two.
    /// Everything else, abstentions included, is a short text: plain when it carries document text or the user's words.
    /// </summary>
    public static Activity Render(BotReply reply, Activity to) => reply switch
    {
        AnswerReply { Answer.IsAnswered: true } answer => Message(to) with
        {
            Summary = AnswerCard.PlainText(answer.Answer),
            Attachments = [new Attachment(AnswerCard.ContentType, AnswerCard.Build(answer.QuestionId, answer.Answer))],
        },
        AnswerReply answer => Plain(to, NotFound(answer)),
        HelpReply help => Text(to, string.Join("\n\n", help.Commands.Concat(DigestCommands.Commands).Select(c => $"**{c.Command}**: {c.Description}"))),
        SourcesReply sources => Plain(to, Sources(sources)),
        TextReply text => Plain(to, text.Text),
        // digest now: one reply, so a digest too big for one message shows its first part (labelled "Part 1 of n").
        DigestReply digest => DigestMessages.Render(digest.Digest, (card, summary) => Message(to) with { Summary = summary, Attachments = [card] })[0],
        RephrasedReply rephrased => Message(to) with
        {
            Summary = RephrasedCard.PlainText(rephrased),
            Attachments = [new Attachment(AnswerCard.ContentType, RephrasedCard.Build(rephrased))],
            Entities = [RephrasedCard.AiLabel],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "Unknown reply."),
    };

    /// <summary>A markdown text message in reply to <paramref name="to"/>: BriefBot's own words only.</summary>
    public static Activity Text(Activity to, string text) => Message(to) with { Text = text, TextFormat = "markdown" };

    /// <summary>A plain text message that may hold document text or what someone typed (<see cref="TeamsText.Plain"/>).</summary>
    private static Activity Plain(Activity to, string text) => Message(to) with { Text = TeamsText.Plain(text), TextFormat = "plain" };

    private static Activity Message(Activity to) => new()
    {
        Type = ActivityTypes.Message,
        From = to.Recipient,
        Recipient = to.From,
        Conversation = to.Conversation,
        ReplyToId = to.Id,
        Locale = to.Locale,
    };

    private static string NotFound(AnswerReply reply)
    {
        string message = reply.Answer.Message ?? Search.Answer.NotFoundMessage;
        return reply.Answer.ClosestTitles.Count == 0
            ? message
            : $"{message} The closest documents: {string.Join(", ", reply.Answer.ClosestTitles.Take(3))}.";
    }

    private static string Sources(SourcesReply reply)
    {
        var text = new StringBuilder($"I answer from {reply.Documents.Count} documents ({reply.Passages} passages){SkippedNote(reply)}:\n\n");
        foreach (var document in reply.Documents.Take(MaxListedSources))
        {
            text.Append($"- {document.Title} ({document.Path})\n");
        }

        if (reply.Documents.Count > MaxListedSources)
        {
            text.Append($"- and {reply.Documents.Count - MaxListedSources} more\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>"; 3 files could not be read", or nothing when every file was indexed.</summary>
    internal static string SkippedNote(SourcesReply reply) =>
        reply.Skipped == 0 ? "" : $"; {reply.Skipped} {(reply.Skipped == 1 ? "file" : "files")} could not be read (the index log lists them)";
}
