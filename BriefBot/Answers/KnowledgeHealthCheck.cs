using BriefBot.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BriefBot.Answers;

/// <summary>
/// Healthy once the sources are indexed; reports document and passage counts, formats and skipped files either way. An index folder deleted
/// while serving is not ready (and a rebuild is asked for at once); an index rebuilt because it could not be read
/// says so.
/// </summary>
internal sealed class KnowledgeHealthCheck(Knowledge knowledge, IndexState state, IOptions<SearchOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = knowledge.Stats();
        string status = stats.FolderMissing ? "missing" : state.Status;
        var data = new Dictionary<string, object>
        {
            ["index"] = status,
            ["documents"] = stats.Documents,
            ["passages"] = stats.Passages,
        };
        if (knowledge.LastReport is { } report)
        {
            // What the last refresh found: documents per format, and how many files it could not index.
            data["formats"] = report.Formats;
            data["skipped"] = report.Skipped.Count;
        }

        if (knowledge.Repaired is { } repaired)
        {
            data["repaired"] = repaired;
        }

        if (stats.FolderMissing)
        {
            state.RequestRefresh();
        }

        var result = status switch
        {
            "missing" => HealthCheckResult.Unhealthy(
                $"The index folder {Path.GetFullPath(options.Value.IndexFolder)} is missing (deleted while BriefBot was running?); it is being rebuilt from the sources.", data: data),
            "ready" => HealthCheckResult.Healthy(knowledge.Repaired is null ? "The index is loaded." : "The index is loaded (rebuilt at start: see repaired).", data),
            "failed" => HealthCheckResult.Unhealthy($"Indexing failed: {state.Error}", data: data),
            _ => HealthCheckResult.Degraded(knowledge.Repaired ?? "The sources are being indexed.", data: data),
        };
        return Task.FromResult(result);
    }
}
