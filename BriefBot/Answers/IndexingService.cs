using BriefBot.Search;

namespace BriefBot.Answers;

/// <summary>
/// Brings the index in line with the sources when the host starts, in the background, so the host answers from the
/// last committed index while a large folder is read.
/// </summary>
internal sealed class IndexingService(Knowledge knowledge, IndexState state, ILogger<IndexingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var report = knowledge.Refresh(cancellationToken: stoppingToken);
            state.MarkReady(report);
            logger.LogInformation(
                "Indexed sources: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, {Passages} passages in {ElapsedMs:F0} ms",
                report.Added, report.Changed, report.Removed, report.Unchanged, report.PassagesWritten, report.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            state.MarkFailed(ex.Message);
            logger.LogError(ex, "Indexing the sources failed; answering from the last committed index");
        }
    }, stoppingToken);
}

/// <summary>Whether the start-up indexing has finished, for the health check.</summary>
internal sealed class IndexState
{
    private volatile string _status = "indexing";

    public string Status => _status;

    public IndexReport? LastReport { get; private set; }

    public string? Error { get; private set; }

    public void MarkReady(IndexReport report)
    {
        LastReport = report;
        _status = "ready";
    }

    public void MarkFailed(string error)
    {
        Error = error;
        _status = "failed";
    }
}
