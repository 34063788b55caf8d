using BriefBot.Answers;
using Microsoft.Extensions.Options;

namespace BriefBot.Digests;

/// <summary>
/// Runs the digest schedule: once at start (a digest that fell due while BriefBot was down goes out if it is still
/// that day where the subscriber is), then every poll interval, on the injected clock. While the start-up indexing
/// runs it waits, so a catch-up digest sees the files that changed while BriefBot was down.
/// </summary>
internal sealed class DigestService(
    DigestScheduler scheduler, IndexState index, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (index.Status != "indexing")
                {
                    await scheduler.RunDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Looking for due digests failed; trying again in {Seconds} s", interval.TotalSeconds);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
