using BriefBot.Search;
using Microsoft.Extensions.Options;

namespace BriefBot.Answers;

/// <summary>
/// Brings the index in line with the sources when the host starts, in the background, so the host answers from the
/// last committed index while a large folder is read; then again every <see cref="SearchOptions.RefreshEvery"/>, so
/// that files added to the folder are answered from and make the next digest without a restart.
/// </summary>
internal sealed class IndexingService(
    Knowledge knowledge, IndexState state, IOptions<SearchOptions> options, TimeProvider clock, ILogger<IndexingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            Refresh(atStart: true, stoppingToken);
            if (options.Value.RefreshEvery <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new PeriodicTimer(options.Value.RefreshEvery, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Refresh(atStart: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }, stoppingToken);

    private void Refresh(bool atStart, CancellationToken stoppingToken)
    {
        try
        {
            var report = knowledge.Refresh(cancellationToken: stoppingToken);
            state.MarkReady(report);
            if (atStart || report.Added + report.Changed + report.Removed > 0)
            {
                logger.LogInformation(
                    "Indexed sources: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, {Passages} passages in {ElapsedMs:F0} ms; {Formats}; {Skipped} skipped",
                    report.Added, report.Changed, report.Removed, report.Unchanged, report.PassagesWritten, report.Elapsed.TotalMilliseconds,
                    IndexReportText.Formats(report), report.Skipped.Count);
                foreach (var skipped in report.Skipped)
                {
                    logger.LogWarning("Skipped {Path}: {Reason}, {Detail}", skipped.Path, skipped.Reason, skipped.Detail);
                }

                foreach (var warning in report.Warnings)
                {
                    logger.LogWarning("Indexed {Path} in part: {Detail}", warning.Path, warning.Detail);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (atStart)
        {
            state.MarkFailed(ex.Message);
            logger.LogError(ex, "Indexing the sources failed; answering from the last committed index");
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reading the sources again failed; answering from the last committed index until the next try");
        }
    }
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
