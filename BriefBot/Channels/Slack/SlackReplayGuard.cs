using BriefBot.Storage;

namespace BriefBot.Channels.Slack;

/// <summary>
/// Each signed Slack request is acted on once. Its signature, an HMAC of its timestamp and body, names it exactly:
/// the first time a signature is seen it is claimed in SQLite (so a restart does not forget it), and a request
/// bearing a claimed signature is a replay. Claims are kept for as long as the signature check would accept their
/// timestamp (five minutes either way of the host's clock), with a margin.
/// </summary>
internal sealed class SlackReplayGuard(Database database, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = (SlackSignatureVerifier.MaxClockSkew * 2) + TimeSpan.FromMinutes(5);

    public static readonly SchemaPart Schema = new("slack_requests",
    [
        """
        CREATE TABLE slack_requests (
            signature TEXT PRIMARY KEY,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX slack_requests_received_at ON slack_requests (received_at);
        """,
    ]);

    /// <returns>True when no request with this signature was seen before.</returns>
    public Task<bool> TryClaimAsync(string signature, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return database.WriteAsync(async connection =>
        {
            await connection.ExecuteAsync("DELETE FROM slack_requests WHERE received_at < $before", cancellationToken,
                ("$before", (now - KeepFor).ToUnixTimeMilliseconds()));
            int inserted = await connection.ExecuteAsync(
                "INSERT INTO slack_requests (signature, received_at) VALUES ($signature, $at) ON CONFLICT DO NOTHING", cancellationToken,
                ("$signature", signature), ("$at", now.ToUnixTimeMilliseconds()));
            return inserted == 1;
        }, cancellationToken);
    }
}

/// <summary>
/// Runs after <see cref="SlackSignatureFilter"/>: a request whose signature was seen before (a replay of a captured
/// request, within the five minutes its timestamp is accepted) is acknowledged with an empty 200 and not acted on.
/// </summary>
internal sealed class SlackReplayFilter(SlackReplayGuard guard, ILogger<SlackReplayFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? signature = http.Request.Headers[SlackSignatureVerifier.SignatureHeader];
        if (signature is null || await guard.TryClaimAsync(signature, http.RequestAborted))
        {
            return await next(context);
        }

        logger.LogInformation("Ignored a replayed Slack request to {Path} (its signature was seen before)", http.Request.Path.Value);
        return TypedResults.Ok();
    }
}
