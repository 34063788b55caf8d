using System.Text.Json.Nodes;
using BriefBot.Digests;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Posts a digest into a Teams conversation through the Bot Connector: in a channel as a new post (a new
/// conversation in the channel, its further parts in that post's thread), in a personal or group chat as messages.
/// The Connector client sends the bot's token only to service URLs a validated request brought.
/// </summary>
internal sealed class TeamsDigestSender(IServiceProvider services, ILogger<TeamsDigestSender> logger) : IDigestSender
{
    public string Channel => "msteams";

    public async Task SendAsync(DigestSubscription subscription, Digest digest, CancellationToken cancellationToken)
    {
        var address = TeamsDigestAddress.Parse(subscription.Reference);
        var bot = new ChannelAccount(address.BotId, address.BotName);
        var parts = DigestMessages.Render(digest, (card, summary) => new Activity
        {
            Type = ActivityTypes.Message,
            From = bot,
            Summary = summary,
            Attachments = [card],
        });

        // A client per digest, so it has a current handler from the HttpClientFactory.
        var connector = services.GetRequiredService<ConnectorClient>();
        string conversationId = address.ConversationId;
        for (int i = 0; i < parts.Count; i++)
        {
            if (i == 0 && address.TeamsChannelId is { } channel)
            {
                var created = await connector.CreateConversationAsync(address.ServiceUrl, new ConversationParameters(
                    true, bot, null, null, address.TenantId, parts[0],
                    new JsonObject { ["channel"] = new JsonObject { ["id"] = channel } }), cancellationToken);
                conversationId = created?.Id ?? throw new InvalidOperationException("The Connector created the digest post without a conversation id.");
                continue;
            }

            await connector.SendToConversationAsync(address.ServiceUrl, conversationId,
                parts[i] with { Conversation = new ConversationAccount(conversationId, TenantId: address.TenantId) }, cancellationToken);
        }

        logger.LogDebug("Posted the digest for subscription {SubscriptionId} in {Parts} Teams message(s)", subscription.Id, parts.Count);
    }
}
