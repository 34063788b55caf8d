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
        await connector.SendToConversationAsync(serviceUrl, where.Id, Typing(activity), cancellationToken);

        var reply = await conversation.HandleAsync(
            new IncomingMessage(activity.ChannelId ?? "msteams", where.Id, activity.From.Id, text), cancellationToken);
        await connector.ReplyToActivityAsync(serviceUrl, where.Id, activity.Id, ReplyRenderer.Render(reply, activity), cancellationToken);
        logger.LogInformation("Replied with {Reply} in conversation {ConversationId}", reply.GetType().Name, where.Id);
    }

    private static Activity Typing(Activity to) => new()
    {
        Type = ActivityTypes.Typing,
        From = to.Recipient,
        Recipient = to.From,
        Conversation = to.Conversation,
    };
}
