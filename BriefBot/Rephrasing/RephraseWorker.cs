namespace BriefBot.Rephrasing;

/// <summary>
/// Rephrases the queued answers a few at a time, apart from the channels' own workers, so a slow model never holds
/// up the next question's extractive answer. A fallback leaves the sent message as it is (RephrasingService logs why).
/// </summary>
internal sealed class RephraseWorker(RephraseQueue queue, RephrasingService rephrasing, ILogger<RephraseWorker> logger) : BackgroundService
{
    public const int Workers = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!rephrasing.Enabled)
        {
            return;
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ReplaceAsync(job, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Replacing the answer to question {QuestionId} in {Channel} conversation {ConversationId} failed; the extractive answer stands",
                    job.Reply.QuestionId, job.Channel, job.ConversationId);
            }
        }
    }

    private async Task ReplaceAsync(RephraseJob job, CancellationToken cancellationToken)
    {
        if (await rephrasing.TryRephraseAsync(job.Reply, cancellationToken) is not { } better)
        {
            return;
        }

        bool replaced = await job.Replace(better, cancellationToken);
        if (replaced)
        {
            logger.LogInformation("Replaced the answer to question {QuestionId} in {Channel} conversation {ConversationId} with its rephrasing",
                job.Reply.QuestionId, job.Channel, job.ConversationId);
        }
        else
        {
            logger.LogWarning("{Channel} refused the rephrased answer to question {QuestionId} in conversation {ConversationId}; the extractive answer stands",
                job.Channel, job.Reply.QuestionId, job.ConversationId);
        }
    }
}
