using BriefBot.Conversation;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Answers a message: in a Teams channel only when the bot is @mentioned, in personal and group chats always.
/// Shows typing, asks the conversation service, and replies in the same thread.
/// </summary>
internal sealed class MessageHandler(ConversationService conversation, ConnectorClient connector, ILogger<MessageHandler> logger)
{
    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation is not { } where || activity.From is null || activity.Id is null || activity.ServiceUrl is not { } serviceUrl)
        {
            return;
        }

        if (where.ConversationType == "channel" && !Mentions.MentionsBot(activity))
        {
            logger.LogDebug("Ignored a channel message that does not mention the bot in {ConversationId}", where.Id);
            return;
        }

        string text = Mentions.StripBotMention(activity);
        await ShowTypingAsync(serviceUrl, activity, cancellationToken);

        var reply = await conversation.HandleAsync(
            new IncomingMessage(activity.ChannelId ?? "msteams", where.Id, activity.From.Id, text), cancellationToken);
        await connector.ReplyToActivityAsync(serviceUrl, where.Id, activity.Id, ReplyRenderer.Render(reply, activity), cancellationToken);
        logger.LogInformation("Replied with {Reply} in conversation {ConversationId}", reply.GetType().Name, where.Id);
    }

    /// <summary>Typing is a courtesy: when it cannot be shown, the answer still goes out.</summary>
    private async Task ShowTypingAsync(string serviceUrl, Activity to, CancellationToken cancellationToken)
    {
        try
        {
            await connector.SendToConversationAsync(serviceUrl, to.Conversation!.Id, Typing(to), cancellationToken);
        }
        catch (ConnectorException e)
        {
            logger.LogWarning("Could not show typing in conversation {ConversationId}: {Status}", to.Conversation!.Id, e.Status);
        }
    }

    private static Activity Typing(Activity to) => new()
    {
        Type = ActivityTypes.Typing,
        From = to.Recipient,
        Recipient = to.From,
        Conversation = to.Conversation,
    };
}
