using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BriefBot.Storage;

/// <summary>
/// Opens the SQLite file (and brings its schema up to date) before anything else starts: a file that cannot be used
/// stops the start with a sentence naming it, and the host exits non-zero (see <c>HostingExtensions.RunToExitCodeAsync</c>).
/// </summary>
internal sealed class StorageStartup(Database database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ready while the SQLite file is there and readable; otherwise unhealthy with the sentence that names the file.</summary>
internal sealed class StorageHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["path"] = database.FilePath };
        return await database.ProblemAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem, data: data)
            : HealthCheckResult.Healthy("The SQLite file is in use.", data);
    }
}

/// <summary>
/// A request that needs storage while it is unusable gets 503 with problem details (callers such as Slack deliver
/// again later), not a 500; the log has the sentence naming the file, the caller a generic one.
/// </summary>
internal sealed class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageUnavailableException unavailable)
        {
            return false;
        }

        logger.LogError("Refused a request to {Path}: {Problem}", http.Request.Path.Value, unavailable.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "BriefBot cannot reach its storage.", Detail = "Try again later." },
        });
    }
}
