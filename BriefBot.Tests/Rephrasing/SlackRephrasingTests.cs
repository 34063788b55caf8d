using System.Net;
using BriefBot.Channels.Slack;
using BriefBot.Rephrasing;
using BriefBot.Search.Rephrasing;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Slack;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BriefBot.Tests.Rephrasing.ChannelRephrasing;

namespace BriefBot.Tests.Rephrasing;

/// <summary>The real host with the Slack channel on, behind the fake Slack Web API, rephrasing through the fake OpenAI server.</summary>
public sealed class SlackRephrasingTests(SlackRephrasingTests.Bed bed) : IClassFixture<SlackRephrasingTests.Bed>
{
    private const string Update = "chat.update";

    [Fact]
    public async Task AGroundedRephrasingUpdatesTheAnswerOnceWithAnAiNoteAndKeepsQuoteAndCitation()
    {
        bed.Script(FakeOpenAI.Completion(Grounded));
        string channel = NewChannel();

        await bed.AskAsync(channel, Question);

        var post = await bed.Slack.WaitForPostAsync(channel);
        var update = await bed.Slack.WaitForAsync(c => c.Method == Update && c.Channel == channel);
        await bed.Logs.WaitForAsync(nameof(RephraseWorker), e => e.Level == LogLevel.Information);
        Assert.Single(bed.Slack.Calls, c => c.Method == Update && c.Channel == channel);
        Assert.True(bed.Slack.Calls.ToList().IndexOf(post) < bed.Slack.Calls.ToList().IndexOf(update), "the extractive answer goes out first");
        Assert.DoesNotContain("AI-generated", post.Blocks);

        Assert.Equal(200, update.Status);
        Assert.Equal("Bearer " + FakeSlackApi.BotToken, update.Authorization);
        Assert.Equal(channel, update.Channel);
        Assert.Equal(post.AnsweredTs, update.Ts);
        Assert.Null(update.ThreadTs);
        var blocks = update.Body["blocks"]!.AsArray();
        Assert.Equal(Grounded, blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("context", blocks[1]!["type"]!.GetValue<string>());
        Assert.Equal("AI-generated · check the quote below", blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("[1] " + CitationTitle, blocks[2]!["elements"]![0]!["text"]!.GetValue<string>());

        // The extractive answer's blocks follow as they were: the quote, its source, the feedback buttons.
        var extractive = post.Body["blocks"]!.AsArray();
        Assert.Equal(extractive.ToJsonString(), new System.Text.Json.Nodes.JsonArray([.. blocks.Skip(3).Select(b => b!.DeepClone())]).ToJsonString());
        Assert.Equal("rich_text_quote", blocks[3]!["elements"]![0]!["type"]!.GetValue<string>());
        Assert.Contains(QuoteFragment, blocks[3]!.ToJsonString());
        Assert.Contains("000_6fc04832441e38c0.txt", blocks[4]!.ToJsonString());
        Assert.StartsWith(Grounded, update.Text);
        Assert.Contains(QuoteFragment, update.Text);
        Assert.Single(bed.Server.Requests);
    }

    [Fact]
    public async Task ARateLimitedUpdateIsSentAgainAfterItsRetryAfter()
    {
        var model = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bed.Script(async (request, context) =>
        {
            await model.Task;
            await FakeOpenAI.Completion(Grounded)(request, context);
        });
        string channel = NewChannel();

        await bed.AskAsync(channel, Question);
        await bed.Slack.WaitForPostAsync(channel);
        bed.Slack.RateLimitNext(1, retryAfterSeconds: 0);
        model.SetResult();

        await bed.Slack.WaitForAsync(c => c.Method == Update && c.Channel == channel && c.Status == 200);
        await bed.Logs.WaitForAsync(nameof(RephraseWorker), e => e.Level == LogLevel.Information);
        Assert.Equal([429, 200], bed.Slack.Calls.Where(c => c.Method == Update && c.Channel == channel).Select(c => c.Status));
    }

    [Theory]
    [MemberData(nameof(ChannelRephrasing.Fallbacks), MemberType = typeof(ChannelRephrasing))]
    public async Task AFallbackLeavesTheAnswerAsItWas(string script, RephraseOutcome reason)
    {
        bed.Script(Script(script));
        string channel = NewChannel();

        await bed.AskAsync(channel, Question);

        var fellBack = await bed.Logs.WaitForAsync(nameof(RephrasingService), e => e.Level == LogLevel.Warning);
        Assert.Equal(reason, fellBack["Reason"]);
        var post = Assert.Single(bed.Slack.Posts, p => p.Channel == channel);
        Assert.Contains(QuoteFragment, post.Blocks);
        Assert.DoesNotContain(bed.Slack.Calls, c => c.Method == Update && c.Channel == channel);
    }

    [Fact]
    public async Task OnlyAnswersAreRephrased()
    {
        bed.Script(FakeOpenAI.Completion(Grounded));
        string[] others = ["help", "sources", "Who won the 2022 World Cup?"];
        var channels = others.Select(_ => NewChannel()).ToList();
        string answered = NewChannel();

        for (int i = 0; i < others.Length; i++)
        {
            await bed.AskAsync(channels[i], others[i]);
        }

        await bed.AskAsync(answered, Question);

        foreach (string channel in channels)
        {
            await bed.Slack.WaitForPostAsync(channel);
            await bed.Logs.WaitForAsync(nameof(SlackResponder), e => Equals(e["Channel"], channel));
        }

        await bed.Slack.WaitForAsync(c => c.Method == Update && c.Channel == answered);
        await bed.Logs.WaitForAsync(nameof(RephraseWorker), e => e.Level == LogLevel.Information);
        var all = channels.Append(answered).ToList();
        Assert.Equal([answered], bed.Slack.Calls.Where(c => c.Method == Update && all.Contains(c.Channel!)).Select(c => c.Channel));
        Assert.Single(bed.Server.Requests);
    }

    [Fact]
    public async Task WithRephrasingOffTheAnswerIsNotUpdatedAndNoModelIsCalled()
    {
        await using var slack = await SlackBed.StartAsync();
        var logs = new LogWatch();
        slack.Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        string channel = NewChannel();

        Assert.Equal(HttpStatusCode.OK, (await slack.SendEventAsync(SlackFixtures.DirectMessageIn(channel, Question, "Ev" + channel))).StatusCode);

        var post = await slack.Slack.WaitForPostAsync(channel);
        await logs.WaitForAsync(nameof(SlackResponder), e => Equals(e["Channel"], channel));
        await slack.BarrierAsync();
        Assert.Contains(QuoteFragment, post.Blocks);
        Assert.DoesNotContain(slack.Slack.Calls, c => c.Method == Update);
        Assert.Equal(0, slack.Host.Services.GetRequiredService<RephraseQueue>().Reader.Count);
        Assert.False(slack.Host.Services.GetRequiredService<RephrasingService>().Enabled);
    }

    private static string NewChannel() => "DREPH" + Guid.NewGuid().ToString("n")[..8].ToUpperInvariant();

    /// <summary>One host with Slack and rephrasing on, shared by the cases; each case starts from empty records.</summary>
    public sealed class Bed : IAsyncLifetime
    {
        private SlackBed _slack = null!;

        public FakeOpenAI Server { get; private set; } = null!;

        public FakeSlackApi Slack => _slack.Slack;

        public LogWatch Logs { get; } = new();

        public async Task InitializeAsync()
        {
            Server = await FakeOpenAI.StartAsync();
            _slack = await SlackBed.StartAsync(settings: Settings(Server));
            _slack.Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
        }

        public void Script(Func<CapturedRequest, HttpContext, Task> reply)
        {
            Server.Reply = reply;
            Server.Clear();
            Logs.Clear();
        }

        /// <summary>A direct message in <paramref name="channel"/>, signed and acknowledged.</summary>
        public async Task AskAsync(string channel, string text)
        {
            var response = await _slack.SendEventAsync(SlackFixtures.DirectMessageIn(channel, text, "Ev" + channel));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        public async Task DisposeAsync()
        {
            await _slack.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
