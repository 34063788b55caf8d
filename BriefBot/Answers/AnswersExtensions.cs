using System.Text.Json;
using BriefBot.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BriefBot.Answers;

internal static class AnswersExtensions
{
    /// <summary>The knowledge base over the configured sources, indexed at start.</summary>
    public static IServiceCollection AddAnswers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Directory.Exists(o.SourceFolder), "Search:Sources names a folder that does not exist.")
            .Validate(o => o.BaseUrl is null || (o.BaseUrl.IsAbsoluteUri && o.BaseUrl.Scheme is "http" or "https"), "Search:BaseUrl must be an absolute http or https address.")
            .ValidateOnStart();
        services.AddSingleton(sp => Knowledge.Open(
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.ToKnowledgeOptions(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<IndexState>();
        services.AddHostedService<IndexingService>();
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge");
        return services;
    }

    /// <summary><c>GET /healthz</c>: the index's state and size as JSON.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealth });
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description, e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
