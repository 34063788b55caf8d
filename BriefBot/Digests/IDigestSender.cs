namespace BriefBot.Digests;

/// <summary>
/// Posts a digest into a conversation of one channel, unprompted (Teams: a new post through the Bot Connector;
/// Slack: <c>chat.postMessage</c>). Each channel registers one; the schedule picks it by <see cref="Channel"/>.
/// Rendering (card, blocks, plain-text fallback) and splitting to the channel's size limit are the sender's.
/// </summary>
internal interface IDigestSender
{
    /// <summary>The channel it serves, as in <see cref="DigestSubscription.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Posts the digest; throws when the channel did not take it.</summary>
    Task SendAsync(DigestSubscription subscription, Digest digest, CancellationToken cancellationToken);
}
