using System.Net;
using BriefBot.Tests.Host;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefBot.Tests.BotFramework;

/// <summary>The typing indicator is for answers that are not immediate: sent only when the answer takes longer than Teams:TypingDelay.</summary>
public sealed class TypingTests
{
    private const string Question = "What did Xi pledge to send to Ukraine?";

    [Fact]
    public async Task AnAnswerReadyBeforeTheTypingDelayGoesOutWithoutTyping()
    {
        await using var bot = await TeamsBot.StartAsync(s => s["Teams:TypingDelay"] = "00:00:10");

        await AskAsync(bot);

        var requests = await bot.Connector.WaitForLandedAsync("message");
        Assert.Equal(["message"], requests.Select(r => r.ActivityType));
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheTypingDelayIsPrecededByTyping()
    {
        // The default delay (half a second). The answer cannot be logged while another connection holds SQLite's write
        // lock, so it is not ready until the test lets go, well after the delay.
        await using var bot = await TeamsBot.StartAsync();
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM questions"));
        await using (var blocker = new SqliteConnection($"Data Source={bot.Host.Folder.Combine("briefbot.db")};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var transaction = blocker.BeginTransaction(deferred: false);

            await AskAsync(bot);

            await bot.Connector.WaitForLandedAsync("typing");
            Assert.DoesNotContain(bot.Connector.Requests, r => r.ActivityType == "message");
            await transaction.RollbackAsync();
        }

        var requests = await bot.Connector.WaitForLandedAsync("message");
        Assert.Equal(["typing", "message"], requests.Select(r => r.ActivityType));
        Assert.Equal(1, await bot.CountAsync($"SELECT COUNT(*) FROM questions WHERE question = '{Question}'"));
    }

    [Theory]
    [InlineData("00:00:11")]
    [InlineData("-00:00:01")]
    public async Task ATypingDelayOutsideZeroToTenSecondsStopsTheStartWithASentenceNamingTheSetting(string delay)
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?> { ["Teams:TypingDelay"] = delay });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Teams:TypingDelay", error.Message);
    }

    private static async Task AskAsync(TeamsBot bot)
    {
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = Question;
        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(activity)).StatusCode);
    }
}
