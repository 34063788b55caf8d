using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace BriefBot.Tests.BotFramework;

/// <summary>
/// A Connector that hangs: a reply whose call never answers is sent again (no reply lost, at most one shown twice),
/// typing is not, and a hanging conversation holds up only itself.
/// </summary>
public sealed class ConnectorHangTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Question = "What did Xi pledge to send to Ukraine?";

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task AReplyWhoseCallHangsPastTheTimeoutIsSentAgainAndDelivered(bool landedBeforeTheHang, int copiesShown)
    {
        await using var bot = await StartAsync("00:00:10");
        bot.Connector.HangNext("reply", landed: landedBeforeTheHang);
        var clock = Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(Message("personal-hang", Question))).StatusCode);

        var requests = await bot.Connector.WaitForAsync(all => all.Count(r => r.Operation == "reply") == 2);
        var replies = requests.Where(r => r.Operation == "reply").ToList();
        Assert.Equal(landedBeforeTheHang ? [200, 200] : [0, 200], replies.Select(r => r.Status));
        Assert.Equal(copiesShown, replies.Count(r => r.Landed));
        output.WriteLine($"reply calls {string.Join(", ", replies.Select(r => r.Status))}; delivered after {clock.Elapsed.TotalSeconds:F1} s; shown {copiesShown}x");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task TypingWhoseCallHangsIsNotSentAgainAndTheReplyFollows()
    {
        await using var bot = await StartAsync("00:00:00");
        bot.Connector.HangNext("send");

        await bot.SendAsync(Message("personal-typing-hang", Question));

        var requests = await bot.Connector.WaitForLandedAsync("message");
        Assert.Equal([("typing", 0), ("message", 200)], requests.Select(r => (r.ActivityType, r.Status)));
    }

    [Fact]
    public async Task AHealthyConversationIsAnsweredWithinTwoSecondsWhileFourOthersHang()
    {
        // The default Connector timeout (30 s): the hanging conversations stay stuck for the whole test.
        await using var bot = await TeamsBot.StartAsync();
        for (int i = 1; i <= 4; i++)
        {
            bot.Connector.HangConversation($"hung-{i}");
            await bot.SendAsync(Message($"hung-{i}", Question));
        }

        await bot.Connector.WaitForAsync(all => all.Count(r => r.Status == 0) >= 4);
        var clock = Stopwatch.StartNew();
        await bot.SendAsync(Message("healthy", Question));

        await bot.Connector.WaitForAsync(all => all.Any(r => r.ConversationId == "healthy" && r.Landed && r.ActivityType == "message"));
        output.WriteLine($"healthy conversation answered in {clock.Elapsed.TotalMilliseconds:F0} ms while 4 others hang");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task RepliesInOneConversationKeepTheOrderOfItsMessagesWhileOneOfThemIsSentAgain()
    {
        await using var bot = await StartAsync("00:00:10");
        bot.Connector.HangNext("reply");

        await bot.SendAsync(Message("personal-order", Question, id: "first"));
        await bot.SendAsync(Message("personal-order", "help", id: "second"));

        var requests = await bot.Connector.WaitForAsync(all => all.Count(r => r.Landed) == 2);
        Assert.Equal(["first", "second"], requests.Where(r => r.Landed).Select(r => r.ActivityId));
    }

    private static Task<TeamsBot> StartAsync(string typingDelay) => TeamsBot.StartAsync(s =>
    {
        s["Teams:TypingDelay"] = typingDelay;
        s["Teams:ConnectorTimeout"] = "00:00:01";
    });

    private static JsonObject Message(string conversationId, string text, string? id = null)
    {
        var activity = TeamsBot.Fixture("personal_message");
        activity["conversation"]!["id"] = conversationId;
        activity["text"] = text;
        activity["id"] = id ?? Guid.NewGuid().ToString("n");
        return activity;
    }
}
