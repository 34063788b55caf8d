using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Tests.BotFramework;
using BriefBot.Tests.Host;
using BriefBot.Tests.Slack;

namespace BriefBot.Tests.Channels;

/// <summary>A host answering from the hostile corpus (TestData/Escaping/corpus) in Slack and Teams.</summary>
public sealed class HostileCorpusBot : IAsyncLifetime
{
    public AllChannelsBot Bot { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Bot = await AllChannelsBot.StartAsync("Production", Path.Combine(TestPaths.TestData, "Escaping", "corpus"));

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

/// <summary>
/// Document text is data, never markup: each row of TestData/Escaping/cases.json asks through a real channel and
/// checks one field of what the bot posted for what must and must not be in it.
/// </summary>
public sealed class DocumentTextTests(HostileCorpusBot fixture) : IClassFixture<HostileCorpusBot>
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static int _conversations;

    public static TheoryData<string> Names => new(Rows().Select(r => r.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task DocumentTextReachesEachSurfaceAsText(string name)
    {
        var row = Rows().Single(r => r.GetProperty("name").GetString() == name);
        string say = row.GetProperty("say").GetString()!;
        string field = row.GetProperty("field").GetString()!;

        string shown = row.GetProperty("channel").GetString() == "slack" ? await SlackAsync(say, field) : await TeamsAsync(say, field);

        Assert.All(row.GetProperty("absent").EnumerateArray(), a => Assert.DoesNotContain(a.GetString()!, shown, StringComparison.Ordinal));
        Assert.All(row.GetProperty("present").EnumerateArray(), p => Assert.Contains(p.GetString()!, shown, StringComparison.Ordinal));
    }

    private async Task<string> SlackAsync(string say, string field)
    {
        string channel = $"DESCAPE{Interlocked.Increment(ref _conversations)}";
        using var request = SlackFixtures.SignedEvent(SlackFixtures.DirectMessageIn(channel, say, "Ev" + channel));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Bot.Client.SendAsync(request)).StatusCode);
        var post = await fixture.Bot.Slack.WaitForPostAsync(channel);
        return field switch
        {
            "text" => post.Body["text"]!.GetValue<string>(),
            "blocks" => post.Body["blocks"]!.ToJsonString(Relaxed),
            "mrkdwn" => string.Join('\n', Objects(post.Body["blocks"]!)
                .Where(o => o["type"]?.GetValue<string>() == "mrkdwn").Select(o => o["text"]!.GetValue<string>())),
            "quote" => post.Body["blocks"]![0]!["elements"]![0]!["elements"]![0]!["text"]!.GetValue<string>(),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "text, blocks, mrkdwn or quote"),
        };
    }

    private async Task<string> TeamsAsync(string say, string field)
    {
        var teams = fixture.Bot.Teams;
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = say;
        activity["conversation"]!["id"] = $"a:escape-{Interlocked.Increment(ref _conversations)}";
        string conversation = (string)activity["conversation"]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await teams.SendAsync(activity)).StatusCode);
        var reply = (await teams.Connector.WaitForAsync(all => all.Any(r => r.ConversationId == conversation && r.ActivityType == "message")))
            .Single(r => r.ConversationId == conversation && r.ActivityType == "message");
        var card = reply.Card is { } c ? JsonNode.Parse(c.GetRawText())! : null;
        return field switch
        {
            "summary" => reply.Body.GetProperty("summary").GetString()!,
            "fallbackText" => (string)card!["fallbackText"]!,
            "markdown" => string.Join("\n", card!["body"]!.AsArray().Where(b => (string?)b!["type"] == "TextBlock").Select(b => (string)b!["text"]!)),
            "links" => string.Join("\n", card!["body"]!.AsArray().SelectMany(b => CardText.Links(b!))),
            "text" => reply.Body.GetProperty("text").GetString()!,
            "textFormat" => reply.Body.GetProperty("textFormat").GetString()!,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "summary, fallbackText, markdown, links, text or textFormat"),
        };
    }

    private static IEnumerable<JsonObject> Objects(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Objects).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<JsonElement> Rows() =>
        JsonDocument.Parse(File.ReadAllText(TestData.PathOf("Escaping/cases.json"))).RootElement.GetProperty("cases").EnumerateArray();
}
