using BriefBot.Search;
using Microsoft.Extensions.Options;

namespace BriefBot.Answers;

/// <summary>
/// Brings the index in line with the sources when the host starts, in the background, so the host answers from the
/// last committed index while a large folder is read; then again every <see cref="SearchOptions.RefreshEvery"/>, so
/// that files added to the folder are answered from and make the next digest without a restart, and at once when
/// <see cref="IndexState.RequestRefresh"/> asks (the index folder was found deleted).
/// </summary>
internal sealed class IndexingService(
    Knowledge knowledge, IndexState state, IOptions<SearchOptions> options, TimeProvider clock, ILogger<IndexingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            if (knowledge.Repaired is { } repaired)
            {
                logger.LogWarning("{Repair}", repaired);
            }

            Refresh(atStart: true, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await state.WaitForRefreshAsync(options.Value.RefreshEvery, clock, stoppingToken);
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
            bool rebuild = knowledge.Stats().FolderMissing;
            var report = knowledge.Refresh(cancellationToken: stoppingToken);
            state.MarkReady(report);
            if (atStart || rebuild || report.Added + report.Changed + report.Removed > 0)
            {
                logger.LogInformation(
                    "Indexed sources{Rebuilt}: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged, {Passages} passages in {ElapsedMs:F0} ms; {Formats}; {Skipped} skipped",
                    rebuild ? " (the index folder had been deleted: rebuilt whole)" : "",
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

/// <summary>Whether the start-up indexing has finished, for the health check; and the way to ask for a refresh now.</summary>
internal sealed class IndexState
{
    private readonly Lock _lock = new();
    private volatile string _status = "indexing";
    private TaskCompletionSource _refreshRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Wakes the indexing service for a refresh now, rather than at its next interval.</summary>
    public void RequestRefresh()
    {
        lock (_lock)
        {
            _refreshRequested.TrySetResult();
        }
    }

    /// <summary>Returns after <paramref name="every"/> (never, when zero) or as soon as a refresh is requested.</summary>
    public async Task WaitForRefreshAsync(TimeSpan every, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task requested;
        lock (_lock)
        {
            requested = _refreshRequested.Task;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var interval = every > TimeSpan.Zero ? Task.Delay(every, clock, either.Token) : Task.Delay(Timeout.Infinite, either.Token);
        await Task.WhenAny(interval, requested);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_refreshRequested.Task.IsCompleted)
            {
                _refreshRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
