using BriefBot.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BriefBot.Answers;

/// <summary>Healthy once the sources are indexed; reports document and passage counts, formats and skipped files either way.</summary>
internal sealed class KnowledgeHealthCheck(Knowledge knowledge, IndexState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = knowledge.Stats();
        var data = new Dictionary<string, object>
        {
            ["index"] = state.Status,
            ["documents"] = stats.Documents,
            ["passages"] = stats.Passages,
        };
        if (knowledge.LastReport is { } report)
        {
            // What the last refresh found: documents per format, and how many files it could not index.
            data["formats"] = report.Formats;
            data["skipped"] = report.Skipped.Count;
        }
        var result = state.Status switch
        {
            "ready" => HealthCheckResult.Healthy("The index is loaded.", data),
            "failed" => HealthCheckResult.Unhealthy($"Indexing failed: {state.Error}", data: data),
            _ => HealthCheckResult.Degraded("The sources are being indexed.", data: data),
        };
        return Task.FromResult(result);
    }
}
