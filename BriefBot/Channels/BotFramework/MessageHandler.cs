using BriefBot.Conversation;
using BriefBot.Rephrasing;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Answers a message: in a Teams channel only when the bot is @mentioned, in personal and group chats always.
/// Asks the conversation service, shows typing when the answer is not immediate, and replies in the same thread.
/// </summary>
internal sealed class MessageHandler(
    ConversationService conversation, TeamsDigestCommands digests, ConnectorClient connector, RephraseQueue rephrasing,
    IOptions<TeamsOptions> options, TimeProvider clock, ILogger<MessageHandler> logger)
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
        BotReply reply;
        using (var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var typing = ShowTypingUnlessAnsweredAsync(serviceUrl, activity, answered.Token, cancellationToken);
            try
            {
                reply = await digests.TryHandleAsync(activity, text, cancellationToken) ?? await conversation.HandleAsync(
                    new IncomingMessage(activity.ChannelId ?? "msteams", where.Id, activity.From.Id, text), cancellationToken);
            }
            finally
            {
                // A typing activity not sent yet is not sent at all; one already under way lands before the answer.
                await answered.CancelAsync();
                await typing;
            }
        }

        var posted = await connector.ReplyToActivityAsync(serviceUrl, where.Id, activity.Id, ReplyRenderer.Render(reply, activity), cancellationToken);
        logger.LogInformation("Replied with {Reply} in conversation {ConversationId}", reply.GetType().Name, where.Id);

        // After the answer is out: its rephrasing, when configured and grounded, replaces it later (an activity update).
        if (posted?.Id is { Length: > 0 } postedId)
        {
            rephrasing.TryQueue(reply, "Teams", where.Id, (better, ct) => ReplaceAsync(serviceUrl, activity, postedId, better, ct));
        }
    }

    /// <summary>Puts the rephrased card in place of the answer <paramref name="activityId"/>; false when the Connector refused (it logged why).</summary>
    private async Task<bool> ReplaceAsync(string serviceUrl, Activity question, string activityId, RephrasedReply better, CancellationToken cancellationToken)
    {
        try
        {
            var update = ReplyRenderer.Render(better, question) with { Id = activityId };
            await connector.UpdateActivityAsync(serviceUrl, question.Conversation!.Id, activityId, update, cancellationToken);
            return true;
        }
        catch (ConnectorException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends typing when the answer is not ready after <see cref="TeamsOptions.TypingDelay"/> (at once when that is zero).
    /// Typing is a courtesy: when it cannot be shown, the answer still goes out.
    /// </summary>
    private async Task ShowTypingUnlessAnsweredAsync(string serviceUrl, Activity to, CancellationToken answered, CancellationToken cancellationToken)
    {
        try
        {
            if (options.Value.TypingDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.TypingDelay, clock, answered);
            }
        }
        catch (OperationCanceledException) when (answered.IsCancellationRequested)
        {
            return;
        }

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
