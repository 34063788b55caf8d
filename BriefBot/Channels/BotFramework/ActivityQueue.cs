using BriefBot.Conversation;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Activities acknowledged but not handled yet, one lane per conversation (see <see cref="KeyedWorkQueue{T}"/>).
/// Bounded: when the bot falls this far behind, in all or in one conversation, new activities are refused (503)
/// rather than piling up in memory.
/// </summary>
internal sealed class ActivityQueue(ILogger<ActivityQueue> logger)
{
    public const int Capacity = 256;
    public const int CapacityPerConversation = 32;

    private readonly KeyedWorkQueue<Activity> _lanes = new(Capacity, CapacityPerConversation, logger);

    public bool TryEnqueue(Activity activity) => _lanes.TryEnqueue(activity.Conversation?.Id ?? "", activity);

    public Task RunAsync(Func<Activity, CancellationToken, Task> handle, CancellationToken stopping) => _lanes.RunAsync(handle, stopping);
}

/// <summary>
/// Handles queued activities in the background: one at a time per conversation, so replies keep the order of the
/// messages, and conversations side by side, so one whose Connector hangs does not hold up the others.
/// </summary>
internal sealed class ActivityWorker(ActivityQueue queue, IServiceProvider services, ILogger<ActivityWorker> logger) : BackgroundService
{
    // On shutdown the handlers see the cancelled token; RunAsync lets those under way finish before the host goes.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => queue.RunAsync(HandleAsync, stoppingToken);

    private async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await services.GetRequiredService<MessageHandler>().HandleAsync(activity, cancellationToken);
                    break;
                case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                    await services.GetRequiredService<MembershipHandler>().HandleAsync(activity, cancellationToken);
                    break;
            }
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or Microsoft.Identity.Client.MsalException)
        {
            logger.LogError(e, "Could not handle {ActivityType} activity {ActivityId} in {ConversationId}", activity.Type, activity.Id, activity.Conversation?.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Failed on {ActivityType} activity {ActivityId}", activity.Type, activity.Id);
        }
    }
}
