using System.Net;
using BriefBot.Tests.Slack;

namespace BriefBot.Tests.Host;

/// <summary>
/// The SQLite file damaged: unusable at start, the host stops with a sentence naming the file and exit code 1;
/// deleted while serving, readiness fails with that sentence and requests that need it get 503, never 500.
/// </summary>
public sealed class DamagedStorageTests : IDisposable
{
    private readonly TempFolder _state = new();

    [Fact]
    public async Task ACorruptSqliteFileStopsTheStartWithASentenceNamingItAndExitCodeOne()
    {
        string database = _state.Combine("briefbot.db");
        await File.WriteAllBytesAsync(database, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251))]);

        await using var process = BriefBotProcess.Start(["serve"], new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Path"] = database,
            ["Search:IndexFolder"] = _state.Combine("index"),
            ["Search:Sources"] = TestPaths.Seeds,
        });

        Assert.Equal(1, await process.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"BriefBot cannot start: The SQLite file {database} cannot be used", process.Output);
        Assert.Contains("not a database", process.Output);
    }

    [Fact]
    public async Task ASqliteFileDeletedWhileServingFailsReadinessNamingItAndSlackIsAnswered503()
    {
        await using var bed = await SlackBed.StartAsync(_state);
        await bed.BarrierAsync();
        string database = _state.Combine("briefbot.db");

        foreach (string file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        var health = await bed.Client.GetAsync("/healthz");
        var body = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains($"The SQLite file {database} is gone", body);

        var response = await bed.SendEventAsync(SlackFixtures.DirectMessageIn("DGONE", SlackFixtures.SeedQuestion, "EvGone"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(File.Exists(database), "no new, empty database was made behind the host's back");
    }

    public void Dispose() => _state.Dispose();
}
