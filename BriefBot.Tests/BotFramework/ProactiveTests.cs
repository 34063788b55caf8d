using System.Text.Json.Nodes;
using BriefBot.Channels.BotFramework;

namespace BriefBot.Tests.BotFramework;

/// <summary>The Connector client used on its own, as digests will: proactive threads and updates, to trusted service URLs only.</summary>
public sealed class ProactiveTests : IAsyncLifetime
{
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TeamsBot.StartAsync();
        await _bot.SendAsync(TeamsBot.Fixture("bot_added_to_team"));
        await _bot.Connector.WaitForLandedAsync("message");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ANewThreadIsStartedInAStoredChannelAndThenUpdated()
    {
        var reference = Assert.Single(await _bot.ReferencesAsync());
        var connector = _bot.Service<ConnectorClient>();
        var post = new Activity { Type = "message", Text = "Daily digest", TextFormat = "markdown" };

        var created = await connector.CreateConversationAsync(reference.ServiceUrl, new ConversationParameters(
            true, new ChannelAccount(reference.BotId), null, null, reference.TenantId, post,
            new JsonObject { ["channel"] = new JsonObject { ["id"] = reference.ConversationId } }), CancellationToken.None);
        await connector.UpdateActivityAsync(reference.ServiceUrl, created!.Id!, created.ActivityId!, post with { Text = "Daily digest (edited)" }, CancellationToken.None);

        var create = Assert.Single(_bot.Connector.Requests, r => r.Operation == "create");
        Assert.Equal(reference.ConversationId, create.Body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.True(create.Body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("Daily digest", create.Body.GetProperty("activity").GetProperty("text").GetString());
        var update = Assert.Single(_bot.Connector.Requests, r => r.Operation == "update");
        Assert.Equal((created.Id, created.ActivityId), (update.ConversationId, update.ActivityId));
        Assert.StartsWith("Bearer fake-connector-token-", update.Authorization);
        Assert.Equal(["botframework.com"], _bot.Connector.TokenTenants.Distinct());
    }

    [Fact]
    public async Task NothingGoesToARemoteServiceUrlThatNoChannelTokenVouchedFor()
    {
        var connector = _bot.Service<ConnectorClient>();
        int before = _bot.Connector.Requests.Count;

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => connector.SendToConversationAsync(
            "https://stranger.example/emea/", "a:someone", new Activity { Type = "message", Text = "hello" }, CancellationToken.None));

        Assert.Contains("vouched", refused.Message);
        Assert.Equal(before, _bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task ALoopbackServiceUrlThatNoChannelTokenVouchedForGetsTheMessageWithoutTheBotToken()
    {
        var connector = _bot.Service<ConnectorClient>();

        await connector.SendToConversationAsync(
            _bot.Connector.EmulatorServiceUrl, "a:someone", new Activity { Type = "message", Text = "hello" }, CancellationToken.None);

        var sent = Assert.Single(_bot.Connector.Requests, r => r.Region == "emulator");
        Assert.Null(sent.Authorization);
    }
}
