using System.Net;
using Microsoft.Data.Sqlite;

namespace BriefBot.Tests.Slack;

/// <summary>The event log lives in SQLite, so what one host took on binds the next one on the same database.</summary>
public sealed class SlackRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Database => _folder.Combine("briefbot.db");

    [Fact]
    public async Task AnEventAnsweredBeforeARestartIsNotAnsweredAgainAfterIt()
    {
        var envelope = SlackFixtures.DirectMessageIn("DRESTART", SlackFixtures.SeedQuestion, "EvRestart1");
        var first = await SlackBed.StartAsync(_folder);
        await first.SendEventAsync(envelope);
        await first.Slack.WaitForPostAsync("DRESTART");
        await first.StopHostAsync();

        await using var second = await SlackBed.StartAsync(_folder, first.Slack);
        var response = await second.SendEventAsync(envelope, retryNum: 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await second.BarrierAsync();
        Assert.Single(second.Slack.Calls, c => c.Channel == "DRESTART");
    }

    [Fact]
    public async Task AnEventTakenOnButNotAnsweredBeforeAStopIsAnsweredAtTheNextStart()
    {
        var first = await SlackBed.StartAsync(_folder);
        await first.BarrierAsync();
        await first.StopHostAsync();
        await ClaimWithoutAnsweringAsync("EvPending1", "DPENDING", "1700000000.000100");

        await using var second = await SlackBed.StartAsync(_folder, first.Slack);

        var post = await second.Slack.WaitForPostAsync("DPENDING");
        Assert.Equal("1700000000.000100", post.ThreadTs);
        Assert.Contains(SlackFixtures.SeedQuoteFragment, post.Blocks);
    }

    /// <summary>What a host that stopped between acknowledging and answering leaves behind.</summary>
    private async Task ClaimWithoutAnsweringAsync(string eventId, string channel, string ts)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO slack_events (event_id, channel, message_ts, thread_ts, user_id, text, received_at)
            VALUES ($event, $channel, $ts, $ts, 'U1', $text, $at)
            """;
        command.Parameters.AddWithValue("$event", eventId);
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$ts", ts);
        command.Parameters.AddWithValue("$text", SlackFixtures.SeedQuestion);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _folder.Dispose();
}
