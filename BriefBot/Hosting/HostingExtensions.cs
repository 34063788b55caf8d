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

    /// <summary>
    /// Problem details for every error response, the same in Development as in Production: an unhandled exception is
    /// a 500, except a request Kestrel or the framework found bad (<see cref="Microsoft.AspNetCore.Http.BadHttpRequestException"/>), which keeps
    /// its own 4xx; an empty error response gets a problem body.
    /// </summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }
}
