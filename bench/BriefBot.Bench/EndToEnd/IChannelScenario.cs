namespace BriefBot.Bench.EndToEnd;

/// <summary>One turn on the wire: the webhook's HTTP status, and the arrival of its reply at the fake channel API.</summary>
/// <param name="Key">What the reply is recognised by (for Slack, its channel).</param>
internal sealed record Turn(string Key, int Status, Task<long> Reply);

/// <summary>
/// A chat channel as the load generator plays it: a fake of the channel's outbound API (started by the scenario), the
/// settings that point BriefBot at it, the product's webhook route, and a floor handler — the same inbound parsing and
/// the same outbound client with a constant reply — that only the bench maps. A new channel (Teams) is one more
/// implementation and one more entry in <see cref="Scenarios.All"/>.
/// </summary>
internal interface IChannelScenario : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Configuration that points the BriefBot host at this scenario's fake.</summary>
    IReadOnlyDictionary<string, string?> HostSettings { get; }

    /// <summary>Service replacements the host needs to reach the fake (for example an HTTP transport); most need none.</summary>
    void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>BriefBot's own webhook, for example <c>/slack/events</c>.</summary>
    string ProductRoute { get; }

    /// <summary>Where the bench maps <see cref="HandleFloorAsync"/> in the host it builds.</summary>
    string FloorRoute { get; }

    /// <summary>The floor: parse the request, post a constant reply through BriefBot's outbound client, acknowledge.</summary>
    Task HandleFloorAsync(HttpContext http);

    /// <summary>Posts one question of <paramref name="conversation"/> to <paramref name="route"/>, signed as the channel signs it.</summary>
    Task<Turn> SendAsync(HttpClient client, string route, string conversation, string question, CancellationToken cancellationToken);

    /// <summary>Replies that arrived with nobody waiting for them: duplicates or misdirected ones.</summary>
    long UnexpectedReplies { get; }

    /// <summary>Stops waiting for the reply to a turn that timed out.</summary>
    void Forget(Turn turn);
}

/// <summary>The channels the load generator plays.</summary>
internal static class Scenarios
{
    public static readonly IReadOnlyList<Func<Task<IChannelScenario>>> All =
    [
        async () => await SlackScenario.StartAsync(),
        async () => await TeamsScenario.StartAsync(),
    ];
}
