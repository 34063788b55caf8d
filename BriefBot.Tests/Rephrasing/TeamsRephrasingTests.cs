using System.Text.Json;
using BriefBot.Rephrasing;
using BriefBot.Search.Rephrasing;
using BriefBot.Tests.BotFramework;
using BriefBot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using static BriefBot.Tests.Rephrasing.ChannelRephrasing;

namespace BriefBot.Tests.Rephrasing;

/// <summary>The real host as a Teams bot behind the fake Connector, rephrasing through the fake OpenAI server.</summary>
public sealed class TeamsRephrasingTests(TeamsRephrasingTests.Bed bed) : IClassFixture<TeamsRephrasingTests.Bed>
{
    [Fact]
    public async Task AGroundedRephrasingUpdatesTheAnswerCardOnceWithTheAiLabelAndKeepsQuoteAndCitation()
    {
        bed.Script(FakeOpenAI.Completion(Grounded));

        await bed.Bot.SendAsync(Personal(Question));

        await bed.Bot.Connector.WaitForAsync(all => all.Any(r => r.Operation == "update"));
        await bed.Logs.WaitForAsync(nameof(RephraseWorker), e => e.Level == LogLevel.Information);
        var messages = bed.Bot.Connector.Requests.Where(r => r.ActivityType == "message").ToList();
        Assert.Equal(["reply", "update"], messages.Select(r => r.Operation));
        var (reply, update) = (messages[0], messages[1]);
        Assert.Contains(QuoteFragment, Texts(reply.Card!.Value)[0]);
        Assert.False(reply.Body.TryGetProperty("entities", out _), "the extractive answer is not labelled AI-generated");

        Assert.Equal(reply.ConversationId, update.ConversationId);
        Assert.Equal(reply.AnsweredId, update.ActivityId);
        Assert.Equal(reply.AnsweredId, update.Body.GetProperty("id").GetString());
        var card = update.Card!.Value;
        var texts = Texts(card);
        Assert.Equal(Grounded, texts[0]);
        Assert.StartsWith("AI-generated · check the quote below · [1] " + CitationTitle, texts[1]);
        Assert.Contains(texts.Skip(2), t => t.StartsWith('“') && t.Contains(QuoteFragment));
        Assert.Contains(texts.Skip(2), t => t.StartsWith('—') && t.Contains(CitationTitle));
        Assert.Equal(["👍 Helpful", "👎 Not helpful"], card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.StartsWith(Grounded, update.Body.GetProperty("summary").GetString());

        var label = Assert.Single(update.Body.GetProperty("entities").EnumerateArray());
        Assert.Equal("https://schema.org/Message", label.GetProperty("type").GetString());
        Assert.Equal("Message", label.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org", label.GetProperty("@context").GetString());
        Assert.Equal("", label.GetProperty("@id").GetString());
        Assert.Equal(["AIGeneratedContent"], label.GetProperty("additionalType").EnumerateArray().Select(t => t.GetString()));
        Assert.Single(bed.Server.Requests);
    }

    [Fact]
    public async Task AnUpdateTheConnectorRefusesLeavesTheAnswerCardAndIsLogged()
    {
        var model = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bed.Script(async (request, context) =>
        {
            await model.Task;
            await FakeOpenAI.Completion(Grounded)(request, context);
        });

        await bed.Bot.SendAsync(Personal(Question));
        await bed.Bot.Connector.WaitForAsync(all => all.Any(r => r.Operation == "reply" && r.Landed));
        bed.Bot.Connector.FailNext((403, null));
        model.SetResult();

        var refused = await bed.Logs.WaitForAsync(nameof(RephraseWorker), e => e.Level == LogLevel.Warning);
        Assert.Equal("Teams", refused["Channel"]);
        var update = Assert.Single(bed.Bot.Connector.Requests, r => r.Operation == "update");
        Assert.Equal(403, update.Status);
    }

    [Theory]
    [MemberData(nameof(ChannelRephrasing.Fallbacks), MemberType = typeof(ChannelRephrasing))]
    public async Task AFallbackLeavesTheAnswerCardAsItWas(string script, RephraseOutcome reason)
    {
        bed.Script(Script(script));

        await bed.Bot.SendAsync(Personal(Question));

        var fellBack = await bed.Logs.WaitForAsync(nameof(RephrasingService), e => e.Level == LogLevel.Warning);
        Assert.Equal(reason, fellBack["Reason"]);
        var reply = Assert.Single(bed.Bot.Connector.Requests, r => r.ActivityType == "message");
        Assert.Equal("reply", reply.Operation);
        Assert.Contains(QuoteFragment, Texts(reply.Card!.Value)[0]);
        Assert.DoesNotContain(bed.Bot.Connector.Requests, r => r.Operation == "update");
    }

    [Fact]
    public async Task OnlyAnswersAreRephrased()
    {
        bed.Script(FakeOpenAI.Completion(Grounded));

        // One conversation is handled in order, so the answer comes after help, sources and the abstention.
        foreach (string text in new[] { "help", "sources", "Who won the 2022 World Cup?", Question })
        {
            await bed.Bot.SendAsync(Personal(text));
        }

        await bed.Bot.Connector.WaitForAsync(all => all.Any(r => r.Operation == "update"));
        await bed.Logs.WaitForAsync(nameof(RephraseWorker), e => e.Level == LogLevel.Information);
        var messages = bed.Bot.Connector.Requests.Where(r => r.ActivityType == "message").ToList();
        Assert.Equal(["reply", "reply", "reply", "reply", "update"], messages.Select(r => r.Operation));
        Assert.Equal(messages[3].AnsweredId, messages[4].ActivityId);
        Assert.Single(bed.Server.Requests);
    }

    [Fact]
    public async Task WithRephrasingOffTheAnswerIsNotUpdatedAndNoModelIsCalled()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.SendAsync(Personal(Question));
        await bot.SendAsync(Personal("help"));

        // The help reply comes after the answer's handler has finished, so anything it queued would be queued by now.
        var requests = await bot.Connector.WaitForLandedAsync("message", count: 2);
        Assert.Contains(QuoteFragment, Texts(requests.First(r => r.ActivityType == "message").Card!.Value)[0]);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Operation == "update");
        Assert.Equal(0, bot.Service<RephraseQueue>().Reader.Count);
        Assert.False(bot.Service<RephrasingService>().Enabled);
    }

    private static System.Text.Json.Nodes.JsonObject Personal(string text)
    {
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = text;
        activity["id"] = Guid.NewGuid().ToString("n");
        return activity;
    }

    private static List<string> Texts(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Select(BotFramework.CardText.Of)];

    /// <summary>One bot with rephrasing on, shared by the cases; each case starts from empty records.</summary>
    public sealed class Bed : IAsyncLifetime
    {
        public FakeOpenAI Server { get; private set; } = null!;

        public TeamsBot Bot { get; private set; } = null!;

        public LogWatch Logs { get; } = new();

        public async Task InitializeAsync()
        {
            Server = await FakeOpenAI.StartAsync();
            Bot = await TeamsBot.StartAsync(settings =>
            {
                foreach (var (key, value) in Settings(Server))
                {
                    settings[key] = value;
                }
            });
            Bot.Service<ILoggerFactory>().AddProvider(Logs);
        }

        public void Script(Func<CapturedRequest, Microsoft.AspNetCore.Http.HttpContext, Task> reply)
        {
            Server.Reply = reply;
            Server.Clear();
            Bot.Connector.ClearRequests();
            Logs.Clear();
        }

        public async Task DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
