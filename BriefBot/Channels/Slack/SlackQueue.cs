using BriefBot.Conversation;

namespace BriefBot.Channels.Slack;

/// <summary>Where an answer goes: a thread of a channel or DM (<c>chat.postMessage</c>), or a slash command's <c>response_url</c>.</summary>
internal abstract record SlackDestination;

internal sealed record SlackThread(string Channel, string ThreadTs) : SlackDestination;

internal sealed record SlackResponseUrl(Uri Url) : SlackDestination;

/// <summary>
/// A question acknowledged to Slack and waiting for its answer; <see cref="EventId"/> is set for Events API questions,
/// and <see cref="MayHaveBeenAnswered"/> when a host before this one may have posted its answer already.
/// </summary>
internal sealed record SlackJob(IncomingMessage Message, SlackDestination Destination, string? EventId, bool MayHaveBeenAnswered = false);

/// <summary>
/// The bounded queue between the webhooks (which acknowledge at once) and <see cref="SlackResponder"/> (which
/// answers), one lane per Slack channel (see <see cref="KeyedWorkQueue{T}"/>). When it is full, in all or for one
/// channel, the webhook refuses with 503 and Slack delivers again later.
/// </summary>
internal sealed class SlackQueue(ILogger<SlackQueue> logger)
{
    public const int Capacity = 512;
    public const int CapacityPerChannel = 64;

    private readonly KeyedWorkQueue<SlackJob> _lanes = new(Capacity, CapacityPerChannel, logger);

    public bool TryEnqueue(SlackJob job) => _lanes.TryEnqueue(job.Message.ConversationId, job);

    public Task RunAsync(Func<SlackJob, CancellationToken, Task> handle, CancellationToken stopping) => _lanes.RunAsync(handle, stopping);
}
