using System.Threading.Channels;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Activities acknowledged but not handled yet. Bounded: when the bot falls this far behind, new activities are
/// refused (503) rather than piling up in memory.
/// </summary>
internal sealed class ActivityQueue
{
    public const int Capacity = 256;

    private readonly Channel<Activity> _channel = Channel.CreateBounded<Activity>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public bool TryEnqueue(Activity activity) => _channel.Writer.TryWrite(activity);

    public IAsyncEnumerable<Activity> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Handles queued activities in the background, a few at a time so one slow answer does not hold up the rest, but
/// one at a time per conversation so replies keep the order of the messages.
/// </summary>
internal sealed class ActivityWorker(ActivityQueue queue, IServiceProvider services, ILogger<ActivityWorker> logger) : BackgroundService
{
    private const int Parallelism = 4;
    private const int MaxPending = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new SemaphoreSlim(Parallelism);
        var pending = new SemaphoreSlim(MaxPending);
        var tails = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            await foreach (var activity in queue.ReadAllAsync(stoppingToken))
            {
                await pending.WaitAsync(stoppingToken);
                string key = activity.Conversation?.Id ?? "";
                var previous = tails.GetValueOrDefault(key, Task.CompletedTask);
                tails[key] = RunAfterAsync(previous, activity, running, pending, stoppingToken);
                foreach (var done in tails.Where(t => t.Value.IsCompleted).Select(t => t.Key).ToList())
                {
                    tails.Remove(done);
                }
            }
        }
        finally
        {
            // On shutdown the handlers see the cancelled token; let them finish before the host goes.
            await Task.WhenAll(tails.Values.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }

    private async Task RunAfterAsync(Task previous, Activity activity, SemaphoreSlim running, SemaphoreSlim pending, CancellationToken cancellationToken)
    {
        try
        {
            await previous;
            await running.WaitAsync(cancellationToken);
            try
            {
                await HandleAsync(activity, cancellationToken);
            }
            finally
            {
                running.Release();
            }
        }
        finally
        {
            pending.Release();
        }
    }

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
