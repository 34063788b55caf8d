using BriefBot.Storage;
using Microsoft.Extensions.Options;

namespace BriefBot.Hosting;

internal static class HostRun
{
    /// <summary>The exit code of a host that could not run (its storage, a background service that failed).</summary>
    public const int CannotRun = 1;

    /// <summary>
    /// Runs the host until it stops. When it cannot run, it says why in a sentence in the log and
    /// gives <see cref="CannotRun"/>: a start that failed on the SQLite file, or a background service that failed and so
    /// stopped the host, which ASP.NET Core would otherwise report as a clean exit (0). An invalid setting still ends
    /// the start with its <see cref="OptionsValidationException"/>, whose message names the setting.
    /// </summary>
    public static async Task<int> RunToExitCodeAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BriefBot");
        try
        {
            await app.RunAsync();
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogCritical("BriefBot cannot start: {Reason}", ex.Message);
            return CannotRun;
        }

        var failed = app.Services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Where(service => service.ExecuteTask is { IsFaulted: true }).ToList();
        foreach (var service in failed)
        {
            string reason = service.ExecuteTask!.Exception!.GetBaseException().Message;
            logger.LogCritical("BriefBot stopped because {Service} failed: {Reason}", service.GetType().Name, reason);
        }

        return failed.Count > 0 ? CannotRun : 0;
    }
}
