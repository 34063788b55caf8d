using BriefBot.Conversation;
using BriefBot.Rephrasing;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>
/// Answers the queued Slack questions after the webhooks have acknowledged them, one at a time per Slack channel:
/// asks the conversation, renders Block Kit and posts in the question's thread (or to the slash command's response
/// URL). At start it first takes up the events claimed in the last hour but never answered, for example because the
/// host stopped or was killed; one whose answer had begun to be posted is looked for in Slack before it is posted.
/// </summary>
internal sealed class SlackResponder(
    SlackQueue queue, SlackEventLog events, SlackConversation conversation, SlackWebApi slack,
    IOptions<SlackOptions> options, TimeProvider clock, RephraseQueue rephrasing, ILogger<SlackResponder> logger) : BackgroundService
{
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

        // A reply under way when the host stops is finished (within DrainOnStop) and marked handled; cut off midway,
        // it is taken up again at the next start.
        using var drain = new CancellationTokenSource();
        using var stopping = stoppingToken.Register(() => drain.CancelAfter(DrainOnStop));
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        await queue.RunAsync((job, _) => AnswerAsync(job, drain.Token), stoppingToken);
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int forgotten = await events.ForgetBeforeAsync(now - ForgetAfter, cancellationToken);
        var pending = await events.UnhandledSinceAsync(now - RecoverWithin, cancellationToken);
        foreach (var (question, attempted) in pending.Where(p => queue.TryEnqueue(ToJob(p.Question) with { MayHaveBeenAnswered = p.Attempted })))
        {
            logger.LogInformation("Taking up Slack event {EventId}, claimed before the last stop but not answered (answer begun: {Attempted})",
                question.EventId, attempted);
        }

        logger.LogDebug("Slack event log: {Forgotten} old events forgotten, {Pending} taken up", forgotten, pending.Count);
    }

    private async Task AnswerAsync(SlackJob job, CancellationToken cancellationToken)
    {
        try
        {
            await ReplyAsync(job, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Answering Slack event {EventId} in channel {Channel} failed", job.EventId, job.Message.ConversationId);
        }
    }

    private async Task ReplyAsync(SlackJob job, CancellationToken cancellationToken)
    {
        var reply = await conversation.HandleAsync(job.Message, cancellationToken);
        var outcome = job.Destination switch
        {
            SlackThread thread => await PostAsync(job, thread, SlackBlocks.RenderAll(reply), cancellationToken),
            SlackResponseUrl url => await RespondAsync(url, SlackBlocks.RenderAll(reply), cancellationToken),
            _ => throw new InvalidOperationException($"Unknown Slack destination {job.Destination.GetType().Name}."),
        };

        // Handled even when Slack refused the reply: a refusal (channel_not_found, not_in_channel) would repeat. A reply
        // not known to have landed stays unhandled, for the next start to look for and, if absent, post.
        if (job.EventId is not null && outcome.Status != SlackPostStatus.NotYet)
        {
            await events.MarkHandledAsync(job.EventId, cancellationToken);
        }

        logger.LogInformation("Slack reply for event {EventId} in channel {Channel}: {Outcome}", job.EventId, job.Message.ConversationId, outcome.Status);

        // After the answer is out: its rephrasing, when configured and grounded, replaces it later (chat.update).
        if (job.Destination is SlackThread { Channel: var channel } && outcome is { Status: SlackPostStatus.Posted, Ts: { Length: > 0 } posted })
        {
            rephrasing.TryQueue(reply, "Slack", channel, (better, ct) => slack.UpdateMessageAsync(channel, posted, SlackBlocks.Render(better), ct));
        }
    }

    /// <summary>Posts the parts in order, each at most once; stops at the first that did not land.</summary>
    /// <returns>The outcome of the first part that did not land, or Posted with the last part's ts.</returns>
    private async Task<SlackPost> PostAsync(SlackJob job, SlackThread thread, IReadOnlyList<SlackMessage> parts, CancellationToken cancellationToken)
    {
        string key = job.EventId ?? Guid.NewGuid().ToString("n");
        if (job.EventId is not null)
        {
            await events.MarkAttemptedAsync(job.EventId, cancellationToken);
        }

        string? last = null;
        for (int i = 0; i < parts.Count; i++)
        {
            var id = new SlackPostId($"{key}/{i + 1}", thread.ThreadTs, job.MayHaveBeenAnswered);
            var post = await slack.PostAsync(thread.Channel, thread.ThreadTs, parts[i], id, cancellationToken);
            if (post.Status != SlackPostStatus.Posted)
            {
                return post;
            }

            last = post.Ts;
        }

        return new SlackPost(SlackPostStatus.Posted, last);
    }

    private async Task<SlackPost> RespondAsync(SlackResponseUrl url, IReadOnlyList<SlackMessage> parts, CancellationToken cancellationToken)
    {
        bool delivered = true;
        foreach (var part in parts)
        {
            delivered &= await slack.RespondAsync(url, part, "in_channel", cancellationToken);
        }

        return new SlackPost(delivered ? SlackPostStatus.Posted : SlackPostStatus.Refused);
    }

    public static SlackJob ToJob(SlackQuestion question) =>
        new(question.ToMessage(), new SlackThread(question.Channel, question.ThreadTs), question.EventId);
}
