using BriefBot.Conversation;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>
/// Answers the queued Slack questions after the webhooks have acknowledged them: asks the conversation, renders
/// Block Kit and posts in the question's thread (or to the slash command's response URL). At start it first takes
/// up the events claimed in the last hour but never answered, for example because the host stopped.
/// </summary>
internal sealed class SlackResponder(
    SlackQueue queue, SlackEventLog events, SlackConversation conversation, SlackWebApi slack,
    IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackResponder> logger) : BackgroundService
{
    public const int Workers = 4;
    public static readonly TimeSpan RecoverWithin = TimeSpan.FromHours(1);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    /// <summary>How long a reply under way may still take when the host stops, so that it is not sent twice.</summary>
    public static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await RecoverAsync(stoppingToken);
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int forgotten = await events.ForgetBeforeAsync(now - ForgetAfter, cancellationToken);
        var pending = await events.UnhandledSinceAsync(now - RecoverWithin, cancellationToken);
        foreach (var question in pending.Where(q => queue.TryEnqueue(ToJob(q))))
        {
            logger.LogInformation("Taking up Slack event {EventId}, claimed before the last stop but not answered", question.EventId);
        }

        logger.LogDebug("Slack event log: {Forgotten} old events forgotten, {Pending} taken up", forgotten, pending.Count);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        // A reply under way when the host stops is finished (within DrainOnStop) and marked handled; cut off midway,
        // it would be answered again at the next start.
        using var drain = new CancellationTokenSource();
        using var stopping = stoppingToken.Register(() => drain.CancelAfter(DrainOnStop));
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await AnswerAsync(job, drain.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !drain.IsCancellationRequested)
            {
                logger.LogError(ex, "Answering Slack event {EventId} in channel {Channel} failed", job.EventId, job.Message.ConversationId);
            }
        }
    }

    private async Task AnswerAsync(SlackJob job, CancellationToken cancellationToken)
    {
        var reply = await conversation.HandleAsync(job.Message, cancellationToken);
        bool delivered = true;
        foreach (var message in SlackBlocks.RenderAll(reply))
        {
            delivered &= job.Destination switch
            {
                SlackThread thread => await slack.PostMessageAsync(thread, message, cancellationToken),
                SlackResponseUrl url => await slack.RespondAsync(url, message, "in_channel", cancellationToken),
                _ => throw new InvalidOperationException($"Unknown Slack destination {job.Destination.GetType().Name}."),
            };
        }

        // Handled even when Slack refused the reply: a refusal (channel_not_found, not_in_channel) would repeat.
        if (job.EventId is not null)
        {
            await events.MarkHandledAsync(job.EventId, cancellationToken);
        }

        logger.LogInformation("Slack reply for event {EventId} in channel {Channel}: {Outcome}",
            job.EventId, job.Message.ConversationId, delivered ? "delivered" : "not delivered");
    }

    public static SlackJob ToJob(SlackQuestion question) =>
        new(question.ToMessage(), new SlackThread(question.Channel, question.ThreadTs), question.EventId);
}
