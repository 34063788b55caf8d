using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Storage;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// <c>digest on [HH:MM] [Zone]</c>, <c>digest off</c>, <c>digest now</c> in Teams: a channel thread subscribes its
/// channel, and the subscription keeps the address a digest post needs.
/// </summary>
internal sealed class TeamsDigestCommands(DigestCommands digests, ConversationReferenceStore references, TrustedServiceUrls trust)
{
    /// <summary>The reply to a digest command, or null when the text is not one.</summary>
    /// <param name="activity">The incoming message (validated).</param>
    /// <param name="text">Its text, bot mention removed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<BotReply?> TryHandleAsync(Activity activity, string text, CancellationToken cancellationToken)
    {
        var command = DigestCommand.Parse(text);
        if (command is null || TeamsDigestAddress.From(activity) is not { } address || activity.From is null)
        {
            return null;
        }

        var message = new IncomingMessage(activity.ChannelId ?? "msteams", address.ConversationId, activity.From.Id, text);
        var reply = await digests.TryHandleAsync(message, address.ToJson(), cancellationToken);
        if (command is DigestCommand.On && trust.IsVouched(address.ServiceUrl))
        {
            // A channel token vouched for the service URL, so it stays trusted for the digest after a restart too.
            await references.SaveAsync(new ConversationReference(message.Channel, address.ConversationId, address.ServiceUrl,
                address.ConversationType, address.TenantId, address.TeamId, address.BotId, address.BotName), cancellationToken);
        }

        return reply;
    }
}
