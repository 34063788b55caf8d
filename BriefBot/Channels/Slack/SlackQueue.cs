using System.Threading.Channels;
using BriefBot.Conversation;

namespace BriefBot.Channels.Slack;

/// <summary>Where an answer goes: a thread of a channel or DM (<c>chat.postMessage</c>), or a slash command's <c>response_url</c>.</summary>
internal abstract record SlackDestination;

internal sealed record SlackThread(string Channel, string ThreadTs) : SlackDestination;

internal sealed record SlackResponseUrl(Uri Url) : SlackDestination;

/// <summary>A question acknowledged to Slack and waiting for its answer; <see cref="EventId"/> is set for Events API questions.</summary>
internal sealed record SlackJob(IncomingMessage Message, SlackDestination Destination, string? EventId);

/// <summary>
/// The bounded queue between the webhooks (which acknowledge at once) and <see cref="SlackResponder"/> (which
/// answers). When it is full, the webhook refuses with 503 and Slack delivers again later.
/// </summary>
internal sealed class SlackQueue
{
    public const int Capacity = 512;

    private readonly Channel<SlackJob> _jobs = Channel.CreateBounded<SlackJob>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public bool TryEnqueue(SlackJob job) => _jobs.Writer.TryWrite(job);

    public ChannelReader<SlackJob> Reader => _jobs.Reader;
}
