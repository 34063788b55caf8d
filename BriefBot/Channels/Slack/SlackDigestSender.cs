using BriefBot.Digests;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>
/// Posts a digest into the subscribed Slack channel or DM with <c>chat.postMessage</c>, as Block Kit with a
/// plain-text fallback, in as many messages as Slack's limits need (paced one per second per channel).
/// </summary>
internal sealed class SlackDigestSender(SlackWebApi slack, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackDigestSender> logger) : IDigestSender
{
    public string Channel => SlackConversation.Channel;

    public async Task SendAsync(DigestSubscription subscription, Digest digest, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            throw new InvalidOperationException("The Slack channel is off (Slack:SigningSecret is not set), so no digest can be posted to Slack.");
        }

        var parts = SlackDigestBlocks.Render(digest);
        string notBefore = SlackPostId.Now(clock);
        for (int i = 0; i < parts.Count; i++)
        {
            var id = new SlackPostId($"digest-{subscription.Id}-{digest.Day:yyyy-MM-dd}/{i + 1}", notBefore);
            if ((await slack.PostAsync(subscription.ConversationKey, threadTs: null, parts[i], id, cancellationToken)).Status != SlackPostStatus.Posted)
            {
                throw new InvalidOperationException($"Slack did not take part {i + 1} of {parts.Count} of the digest.");
            }
        }

        logger.LogDebug("Posted the digest for subscription {SubscriptionId} in {Parts} Slack message(s)", subscription.Id, parts.Count);
    }
}
