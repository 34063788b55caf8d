using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BriefBot.Tests.Fakes;

namespace BriefBot.Tests.BotFramework;

/// <summary>Forged and broken requests to /api/messages: each is refused with 401 or 400 and never reaches the answerer.</summary>
public sealed class ForgedRequestTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private const string Question = "What did Xi pledge to send to Ukraine?";
    private static readonly Dictionary<string, (HttpStatusCode Status, Func<FakeBotConnector, JsonObject, HttpRequestMessage> Build)> Cases = new()
    {
        ["expired"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { NotBefore = TimeSpan.FromMinutes(-70), Expires = TimeSpan.FromMinutes(-6) }))),
        ["not yet valid"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { NotBefore = TimeSpan.FromMinutes(6), Expires = TimeSpan.FromMinutes(60) }))),
        ["wrong issuer"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Issuer = "https://api.botframework.evil" }))),
        ["emulator issuer, other app"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/" }))),
        ["wrong audience"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Audience = "11111111-2222-3333-4444-555555555555" }))),
        ["unknown key"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Key = SigningKey.Late }))),
        ["bad signature"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Key = SigningKey.Impostor }))),
        ["alg none"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Algorithm = "none" }))),
        ["HS256"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Algorithm = "HS256" }))),
        ["key endorsed for another channel"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Key = SigningKey.OtherChannel }))),
        ["key without endorsements"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { Key = SigningKey.NoEndorsements }))),
        ["channelId not endorsed"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, With(a, "channelId", "slack"), Bearer(c))),
        ["serviceUrl mismatch"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { ServiceUrl = "https://smba.trafficmanager.net/amer/" }))),
        ["serviceurl claim missing"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, Bearer(c, new() { ServiceUrl = "" }))),
        ["no header"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, null)),
        ["wrong scheme"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:secret")))),
        ["lower-case bearer"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, "bearer " + c.Token())),
        ["garbage token"] = (HttpStatusCode.Unauthorized, (c, a) => Post(c, a, "Bearer not-a.jwt.at-all")),
        ["oversized body"] = (HttpStatusCode.RequestEntityTooLarge, (c, a) => Post(c, With(a, "text", Question + new string(' ', 200 * 1024)), Bearer(c))),
        ["body over the server's limit"] = (HttpStatusCode.RequestEntityTooLarge, (c, a) => Post(c, With(a, "text", Question + new string(' ', 300 * 1024)), Bearer(c))),
        ["malformed JSON"] = (HttpStatusCode.BadRequest, (c, a) => Raw(c, "{\"type\": \"message\", \"text\": ", Bearer(c))),
        ["no activity type"] = (HttpStatusCode.BadRequest, (c, a) => Raw(c, $"{{\"serviceUrl\": \"{c.ServiceUrl}\", \"text\": \"{Question}\"}}", Bearer(c))),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task AForgedOrBrokenRequestIsRefusedAndNeverReachesTheAnswerer(string name)
    {
        var bot = fixture.Bot;
        int before = bot.Connector.Requests.Count;
        var (expected, build) = Cases[name];

        var response = await bot.Client.SendAsync(build(bot.Connector, Activity(bot.Connector)));

        Assert.Equal(expected, response.StatusCode);

        // A genuine "help" afterwards is answered; by then the forged question would have been logged or answered too.
        var sentinel = TeamsBot.Fixture("personal_message");
        sentinel["text"] = "help";
        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(sentinel)).StatusCode);
        var requests = await bot.Connector.WaitForAsync(all => all.Count >= before + 2);
        Assert.Equal(before + 2, requests.Count);
        Assert.All(requests.Skip(before), r => Assert.DoesNotContain("special representatives", r.Body.ToString()));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM questions"));
    }

    [Fact]
    public void TheTableCoversAtLeastFifteenForgeries() => Assert.True(Cases.Count >= 15);

    private static JsonObject Activity(FakeBotConnector connector)
    {
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = Question;
        activity["serviceUrl"] = connector.ServiceUrl;
        return activity;
    }

    private static JsonObject With(JsonObject activity, string property, string value)
    {
        activity[property] = value;
        return activity;
    }

    private static string Bearer(FakeBotConnector connector, ChannelTokenSpec? spec = null) => "Bearer " + connector.Token(spec);

    private static HttpRequestMessage Post(FakeBotConnector connector, JsonObject activity, string? authorization) =>
        Raw(connector, activity.ToJsonString(), authorization);

    private static HttpRequestMessage Raw(FakeBotConnector connector, string body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // A large body waits for "100 Continue": the bot refuses it from the headers, and the refusal must not race the upload.
        request.Headers.ExpectContinue = body.Length > 64 * 1024;
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
