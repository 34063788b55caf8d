using System.Net;
using BriefBot.Tests.Host;

namespace BriefBot.Tests.Playground;

/// <summary>The playground's Direct Line endpoint over HTTP, with the Teams message handler behind it.</summary>
public sealed class DirectLineTests : IAsyncLifetime
{
    private readonly BriefBotHost _host = new(new Dictionary<string, string?>
    {
        ["Playground:Enabled"] = "true",
        ["Playground:MaxConversations"] = "3",
        ["Playground:MaxActivitiesPerConversation"] = "10",
        // Typing before every answer: each message then brings exactly three activities (echo, typing, answer).
        ["Teams:TypingDelay"] = "00:00:00",
    });

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _host.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task TheUsersActivityIsEchoedWithItsClientActivityIdThenTheAnswerCardFollows()
    {
        var line = new DirectLine(_client);
        Assert.Equal(HttpStatusCode.Created, (await line.StartAsync()).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await line.PostAsync("What did Xi pledge to send to Ukraine?", "client-1")).StatusCode);

        var set = await line.ActivitiesAsync();
        var activities = set.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal("client-1", activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", activities[0].GetProperty("from").GetProperty("role").GetString());
        var reply = activities.Single(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.Equal(activities[0].GetProperty("id").GetString(), reply.GetProperty("replyToId").GetString());
        var card = reply.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("1.5", card.GetProperty("content").GetProperty("version").GetString());
        Assert.Contains("special representatives", BotFramework.CardText.Of(card.GetProperty("content").GetProperty("body")[0]));
        Assert.Equal(activities.Count.ToString(), set.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task PollingAfterTheWatermarkReturnsOnlyNewerActivities()
    {
        var line = new DirectLine(_client);
        await line.StartAsync();
        await line.PostAsync("help", "client-1");
        string watermark = (await line.ActivitiesAsync()).GetProperty("watermark").GetString()!;

        Assert.Empty((await line.ActivitiesAsync(watermark)).GetProperty("activities").EnumerateArray());
        await line.PostAsync("sources", "client-2");
        var newer = (await line.ActivitiesAsync(watermark)).GetProperty("activities").EnumerateArray().ToList();

        Assert.Equal("client-2", newer[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Contains(newer, a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetProperty("type").GetString() == "message");
    }

    [Fact]
    public async Task AnotherConversationsTokenIsRefused()
    {
        var mine = new DirectLine(_client);
        var theirs = new DirectLine(_client);
        await mine.StartAsync();
        await theirs.StartAsync();

        mine.Token = theirs.Token;

        Assert.Equal(HttpStatusCode.Forbidden, (await mine.GetAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.PostAsync("help", "client-1")).StatusCode);
    }

    [Fact]
    public async Task ANonNumericWatermarkIsABadRequest()
    {
        var line = new DirectLine(_client);
        await line.StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await line.GetAsync("soon")).StatusCode);
    }

    [Fact]
    public async Task OnceTheConversationLimitIsReachedANewConversationIsRefused()
    {
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await new DirectLine(_client).StartAsync()).StatusCode);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await new DirectLine(_client).StartAsync()).StatusCode);
    }

    [Fact]
    public async Task AnOverlongMessageIsABadRequestAndIsNotStored()
    {
        var line = new DirectLine(_client);
        await line.StartAsync();

        var response = await line.PostAsync(new string('x', 4001), "client-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await line.ActivitiesAsync()).GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task AConversationKeepsOnlyItsLatestActivitiesButTheWatermarkKeepsCounting()
    {
        var line = new DirectLine(_client);
        await line.StartAsync();
        for (int i = 0; i < 5; i++)
        {
            await line.PostAsync("help", $"client-{i}");
        }

        var set = await line.ActivitiesAsync();

        Assert.Equal(10, set.GetProperty("activities").GetArrayLength());
        Assert.Equal("15", set.GetProperty("watermark").GetString());
    }
}
