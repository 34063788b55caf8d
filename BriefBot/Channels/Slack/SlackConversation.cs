using BriefBot.Conversation;
using BriefBot.Digests;

namespace BriefBot.Channels.Slack;

/// <summary>
/// What BriefBot says to a Slack message, whichever way it came (<c>/brief</c>, a mention, a DM): a digest command
/// first (<c>digest on 08:30 Europe/Berlin</c>, <c>digest off</c>, <c>digest now</c>), else help, sources or a
/// question; help lists the digest commands too.
/// </summary>
internal sealed class SlackConversation(DigestCommands digests, ConversationService conversation)
{
    public const string Channel = "slack";

    private static readonly string[] QuickCommands = ["help", "sources"];

    public async Task<BotReply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        // A Slack conversation is its channel id, and that is all chat.postMessage needs: no reference to keep.
        var reply = await digests.TryHandleAsync(message, reference: null, cancellationToken)
            ?? await conversation.HandleAsync(message, cancellationToken);
        return reply is HelpReply help ? help with { Commands = [.. help.Commands, .. DigestCommands.Commands] } : reply;
    }

    /// <summary>
    /// Whether the reply is quick enough for a slash command's acknowledgement (help, sources, digest on/off and
    /// their mistakes); questions and <c>digest now</c> search the index and go through the queue.
    /// </summary>
    public static bool AnswersAtOnce(string text) =>
        QuickCommands.Contains(text, StringComparer.OrdinalIgnoreCase) || DigestCommand.Parse(text) is not (null or DigestCommand.Now);
}
