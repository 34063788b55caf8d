using BriefBot.Conversation;
using BriefBot.Rephrasing;
using BriefBot.Search.Rephrasing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefBot.Tests.Rephrasing;

public sealed class RephrasingServiceTests(RephrasingFixture fixture) : IClassFixture<RephrasingFixture>
{
    private const string Invented = "Claims can be filed at any time";

    [Fact]
    public async Task AFallbackIsLoggedWithItsReasonButWithoutTheTexts()
    {
        fixture.Server.Reply = FakeOpenAI.Completion($"No deadline: \"{Invented}\" [1].");
        var logger = new ListLogger();

        var result = await Service(logger).RephraseAsync(fixture.AskTwoPassages(), CancellationToken.None);

        Assert.Equal(RephraseOutcome.QuoteNotInSource, result.Outcome);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(RephraseOutcome.QuoteNotInSource, entry.State["Reason"]);
        Assert.Equal("quotation 1 not in passage [1]", entry.State["Detail"]);
        string everything = entry.Message + string.Join('|', entry.State.Values);
        Assert.DoesNotContain(Invented, everything);
        Assert.DoesNotContain(RephrasingFixture.TwoPassageQuestion, everything);
        Assert.DoesNotContain("finance team", everything);
    }

    [Fact]
    public async Task ARephrasingIsLoggedWithItsTime()
    {
        fixture.Server.Reply = FakeOpenAI.Completion($"Finance decides: \"{RephrasingFixture.FinanceQuote}\" [1].");
        var logger = new ListLogger();

        await Service(logger).RephraseAsync(fixture.AskTwoPassages(), CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.True(entry.State.ContainsKey("ElapsedMs"));
    }

    [Fact]
    public async Task AGroundedRephrasingBecomesAReplyToPutInPlaceOfTheAnswer()
    {
        fixture.Server.Reply = FakeOpenAI.Completion($"Finance decides: \"{RephrasingFixture.FinanceQuote}\" [1].");
        var answer = fixture.AskTwoPassages();

        var better = await Service(new ListLogger()).TryRephraseAsync(new AnswerReply(42, answer), CancellationToken.None);

        Assert.NotNull(better);
        Assert.Equal(42, better.QuestionId);
        Assert.Same(answer, better.Rephrased.Answer);
    }

    [Fact]
    public async Task AFailedRephrasingLeavesTheAnswerInPlace()
    {
        fixture.Server.Reply = FakeOpenAI.Status(500);

        var better = await Service(new ListLogger()).TryRephraseAsync(new AnswerReply(42, fixture.AskTwoPassages()), CancellationToken.None);

        Assert.Null(better);
    }

    private RephrasingService Service(ILogger<RephrasingService> logger) => new(
        Options.Create(new OpenAIOptions
        {
            Endpoint = fixture.Server.Root.ToString(),
            Deployment = RephrasingFixture.Deployment,
            ApiKey = RephrasingFixture.ApiKey,
            TimeoutSeconds = 10,
        }),
        logger);

    private sealed record Entry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State);

    private sealed class ListLogger : ILogger<RephrasingService>
    {
        public List<Entry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                Entries.Add(new Entry(logLevel, formatter(state, exception), values.ToDictionary(p => p.Key, p => p.Value)));
            }
        }
    }
}
