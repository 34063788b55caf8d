using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriefBot.Tests.BotFramework;

/// <summary>Being added to and removed from a team, and 👍/👎 from the answer card.</summary>
public sealed class MembershipAndFeedbackTests : IAsyncLifetime
{
    private TeamsBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TeamsBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task BeingAddedToATeamStoresTheReferenceAndGreetsOnce()
    {
        var added = TeamsBot.Fixture("bot_added_to_team");

        Assert.Equal(HttpStatusCode.OK, (await _bot.SendAsync(added)).StatusCode);
        var greeting = Assert.Single(await _bot.Connector.WaitForLandedAsync("message"));

        Assert.Equal("send", greeting.Operation);
        Assert.Equal("19:efa9296d959346209fea44151c742e73@thread.skype", greeting.ConversationId);
        Assert.Contains("BriefBot", greeting.Body.GetProperty("text").GetString());
        var reference = Assert.Single(await _bot.ReferencesAsync());
        Assert.Equal(("msteams", _bot.Connector.ServiceUrl, "72f988bf-86f1-41af-91ab-2d7cd011db47", "19:efa9296d959346209fea44151c742e73@thread.skype"),
            (reference.ChannelId, reference.ServiceUrl, reference.TenantId, reference.TeamId));
        Assert.Equal("28:f5d48856-5b42-41a0-8c3a-c5f944b679b0", reference.BotId);

        // Teams also sends installationUpdate on install: the reference is refreshed, the greeting not repeated.
        var install = TeamsBot.Fixture("bot_added_to_team");
        install["type"] = "installationUpdate";
        install["action"] = "add";
        install.Remove("membersAdded");
        await _bot.SendAsync(install);
        await AskForHelpInAsync((string)install["conversation"]!["id"]!);
        await _bot.Connector.WaitForLandedAsync("message", count: 2);
        Assert.Single(_bot.Connector.Requests, r => r.Operation == "send" && r.ActivityType == "message");
    }

    [Fact]
    public async Task BeingRemovedFromATeamForgetsTheReference()
    {
        await _bot.SendAsync(TeamsBot.Fixture("bot_added_to_team"));
        await _bot.Connector.WaitForLandedAsync("message");
        var removed = TeamsBot.Fixture("bot_added_to_team");
        removed["membersRemoved"] = removed["membersAdded"]!.DeepClone();
        removed.Remove("membersAdded");
        removed["channelData"]!["eventType"] = "teamMemberRemoved";

        Assert.Equal(HttpStatusCode.OK, (await _bot.SendAsync(removed)).StatusCode);
        await AskForHelpInAsync((string)removed["conversation"]!["id"]!);
        await _bot.Connector.WaitForLandedAsync("message", count: 2);

        Assert.Empty(await _bot.ReferencesAsync());
    }

    [Fact]
    public async Task ThumbsUpOnTheCardIsStoredWithTheQuestionAndAnswer()
    {
        var question = TeamsBot.Fixture("personal_message");
        question["text"] = "What did Xi pledge to send to Ukraine?";
        await _bot.SendAsync(question);
        var card = (await _bot.Connector.WaitForLandedAsync("message")).Single(r => r.ActivityType == "message").Card!.Value;
        var thumbsUp = card.GetProperty("actions")[0];

        // The real captured invoke, carrying the action of BriefBot's own card.
        var invoke = TeamsBot.Fixture("card_action_invoke");
        invoke["value"]!["action"] = JsonNode.Parse(thumbsUp.GetRawText());
        var response = await _bot.SendAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.Equal(1, await _bot.CountAsync(
            "SELECT COUNT(*) FROM feedback WHERE helpful = 1 AND quote LIKE '%special representatives%' AND question LIKE 'What did Xi%' " +
            "AND user_id = '29:1uMVvhoAyfTqdMsyvHL0qlJTTfQF9MOUSI8_cQts2kdSWEZVDyJO2jz-CsNOhQcdYq1Bw4cHT0__O6XDj4AZ-Jw'"));
    }

    [Fact]
    public async Task AnotherBotsCardActionGetsAnErrorInvokeResponse()
    {
        var response = await _bot.SendAsync(TeamsBot.Fixture("card_action_invoke"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal(0, await _bot.CountAsync("SELECT COUNT(*) FROM feedback"));
    }

    /// <summary>
    /// Activities of one conversation are handled in order, so once this message is answered, everything sent to the
    /// conversation before it has been handled.
    /// </summary>
    private async Task AskForHelpInAsync(string conversationId)
    {
        var message = TeamsBot.Fixture("channel_thread_mention");
        message["conversation"]!["id"] = conversationId;
        message["text"] = "<at>ridotest</at> help";
        await _bot.SendAsync(message);
    }
}
