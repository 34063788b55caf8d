using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BriefBot.Hosting;

internal static class HostingExtensions
{
    /// <summary>The largest request body any endpoint accepts; Teams activities and Slack events are far smaller.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>Hard limits on what outside callers may send, and problem details for every error.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        services.AddProblemDetails();
        return services;
    }
}
