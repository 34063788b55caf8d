using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Search;
using static BriefBot.Tests.Digests.DigestScheduleTests;

namespace BriefBot.Tests.Digests;

public sealed class DigestSchedulerTests : IDisposable
{
    private const string Policy =
        "The travel policy changes on 1 July. Employees must book every flight through the company travel desk from then on. " +
        "Trains are preferred for any journey shorter than four hours, whatever the price difference. " +
        "Receipts for hotels are uploaded within ten days of the return, or the costs are not refunded.";

    // 10 June 2026, 05:00 UTC: 07:00 in Berlin, 01:00 in New York.
    private readonly DigestWorld _world = new(Instant("2026-06-10T05:00:00Z"));

    [Fact]
    public async Task ADigestGoesOutAtTheDueTimeWithTheNewDocumentsQuoteAndCitation()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.Advance(TimeSpan.FromMinutes(10));
        _world.Publish("travel-policy.txt", Policy);

        _world.Clock.SetUtcNow(Instant("2026-06-10T05:59:59Z"));
        Assert.Equal(0, await _world.TickAsync());
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));
        Assert.Equal(1, await _world.TickAsync());

        var (subscription, digest) = Assert.Single(_world.Teams.Sent);
        Assert.Equal("19:general", subscription.ConversationKey);
        Assert.Equal(new DateOnly(2026, 6, 10), digest.Day);
        var document = Assert.Single(digest.Documents);
        Assert.Equal("travel-policy.txt", document.Document.Path);
        Assert.InRange(document.KeySentences.Count, 1, 3);
        foreach (var quote in document.KeySentences)
        {
            Assert.Contains(quote.Text, Policy);
            Assert.Equal(quote.Text, Policy[quote.Citation.QuoteStart..quote.Citation.QuoteEnd]);
            Assert.Equal("travel-policy.txt", quote.Citation.Path);
        }

        Assert.Empty(_world.Slack.Sent);
    }

    [Fact]
    public async Task TwoSubscriptionsInDifferentZonesEachGetTheirDigestAtTheirOwnLocalTime()
    {
        await _world.SubscribeAsync("msteams", "19:berlin", "08:00", "Europe/Berlin");
        await _world.SubscribeAsync("slack", "C-NEWYORK", "08:00", "America/New_York");

        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));
        await _world.TickAsync();
        Assert.Single(_world.Teams.Sent);
        Assert.Empty(_world.Slack.Sent);

        _world.Clock.SetUtcNow(Instant("2026-06-10T11:59:00Z"));
        await _world.TickAsync();
        Assert.Empty(_world.Slack.Sent);

        _world.Clock.SetUtcNow(Instant("2026-06-10T12:00:00Z"));
        await _world.TickAsync();
        Assert.Single(_world.Teams.Sent);
        Assert.Equal("C-NEWYORK", Assert.Single(_world.Slack.Sent).Subscription.ConversationKey);
    }

    [Fact]
    public async Task ASubscriptionInAZoneTheMachineNoLongerKnowsDoesNotStopTheOthers()
    {
        await _world.SubscribeAsync("slack", "C-LOST", "08:00", "Nowhere/Atlantis");
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));

        Assert.Equal(1, await _world.TickAsync());

        Assert.Single(_world.Teams.Sent);
        Assert.Empty(_world.Slack.Sent);
    }

    [Fact]
    public async Task EachDayIsSentOnceHoweverOftenTheScheduleLooks()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");

        for (var at = Instant("2026-06-10T06:00:00Z"); at < Instant("2026-06-12T06:00:00Z"); at = at.AddMinutes(30))
        {
            _world.Clock.SetUtcNow(at);
            await _world.TickAsync();
        }

        Assert.Equal([new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 11)], _world.Teams.Sent.Select(s => s.Digest.Day));
    }

    [Fact]
    public async Task AProcessKilledBetweenSendingAndSentSendsAtMostOneDuplicate()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));

        // Killed twice in a row between the post and its record.
        for (int crash = 0; crash < 2; crash++)
        {
            await TickAndDieAfterPostingAsync();
            _world.Restart();
            _world.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await _world.TickAsync();
        _world.Restart();
        await _world.TickAsync();

        Assert.Equal(2, _world.Teams.Sent.Count);
    }

    [Fact]
    public async Task AProcessKilledOnceResendsOnceAndThenRecordsTheDayAsSent()
    {
        var subscription = await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));
        await TickAndDieAfterPostingAsync();
        Assert.Equal("sending", await _world.Runs.StateAsync(subscription.Id, new DateOnly(2026, 6, 10), CancellationToken.None));

        _world.Restart();
        Assert.Equal(1, await _world.TickAsync());
        Assert.Equal(0, await _world.TickAsync());

        Assert.Equal(2, _world.Teams.Sent.Count);
        Assert.Equal("sent", await _world.Runs.StateAsync(subscription.Id, new DateOnly(2026, 6, 10), CancellationToken.None));
    }

    [Fact]
    public async Task AProcessDownOverTheDueTimeSendsOnceOnStart()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T05:30:00Z"));
        await _world.TickAsync();

        // Down from 07:30 to 11:15 Berlin time; the due time 08:00 passed meanwhile.
        _world.Clock.SetUtcNow(Instant("2026-06-10T09:15:00Z"));
        _world.Restart();
        Assert.Equal(1, await _world.TickAsync());
        Assert.Equal(0, await _world.TickAsync());
        _world.Restart();
        Assert.Equal(0, await _world.TickAsync());

        Assert.Single(_world.Teams.Sent);
    }

    [Fact]
    public async Task ADayMissedWhollyIsNotSentLateAndItsDocumentsComeInTheNextDigest()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));
        await _world.TickAsync();
        _world.Clock.SetUtcNow(Instant("2026-06-10T12:00:00Z"));
        _world.Publish("travel-policy.txt", Policy);

        // Down from the afternoon of the 10th until after midnight on the 12th, Berlin time.
        _world.Clock.SetUtcNow(Instant("2026-06-11T22:30:00Z"));
        _world.Restart();
        Assert.Equal(0, await _world.TickAsync());
        _world.Clock.SetUtcNow(Instant("2026-06-12T06:00:00Z"));
        Assert.Equal(1, await _world.TickAsync());

        Assert.Equal([new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 12)], _world.Teams.Sent.Select(s => s.Digest.Day));
        Assert.Equal("travel-policy.txt", Assert.Single(_world.Teams.Sent[^1].Digest.Documents).Document.Path);
    }

    [Fact]
    public async Task EachDigestListsOnlyWhatIsNewSinceThePreviousOneNewestFirst()
    {
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Publish("old.txt", "This document was there before the first digest went out to the channel. " + Policy);
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));
        await _world.TickAsync();

        _world.Clock.SetUtcNow(Instant("2026-06-10T10:00:00Z"));
        _world.Publish("first.txt", "The first new document of the day arrived in the morning of the tenth. " + Policy);
        _world.Clock.SetUtcNow(Instant("2026-06-10T15:00:00Z"));
        _world.Publish("second.txt", "The second new document of the day arrived in the afternoon of the tenth. " + Policy);
        _world.Clock.SetUtcNow(Instant("2026-06-11T06:00:00Z"));
        await _world.TickAsync();

        Assert.Equal(["old.txt"], _world.Teams.Sent[0].Digest.Documents.Select(d => d.Document.Path));
        Assert.Equal(["second.txt", "first.txt"], _world.Teams.Sent[1].Digest.Documents.Select(d => d.Document.Path));
    }

    [Fact]
    public async Task AQuietDayPostsNothingNewOrNothingAsTheSubscriptionSays()
    {
        await _world.SubscribeAsync("msteams", "19:says", "08:00", "Europe/Berlin", sayNothingNew: true);
        await _world.SubscribeAsync("slack", "C-SILENT", "08:00", "Europe/Berlin", sayNothingNew: false);
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));

        Assert.Equal(1, await _world.TickAsync());

        Assert.True(Assert.Single(_world.Teams.Sent).Digest.IsEmpty);
        Assert.Equal(Digest.NothingNewText, DigestText.Render(_world.Teams.Sent[0].Digest));
        Assert.Empty(_world.Slack.Sent);
        Assert.Equal(0, await _world.TickAsync());
    }

    [Fact]
    public async Task TheDigestCountsYesterdaysQuestionsHereAndListsTheUnansweredOnes()
    {
        _world.Publish("travel-policy.txt", Policy);
        await _world.SubscribeAsync("msteams", "19:general", "08:00", "Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T09:00:00Z"));
        await AskAsync("19:general;messageid=42", "When must hotel receipts be uploaded?");
        await AskAsync("19:general", "Who won the 2022 World Cup?");
        await AskAsync("a:private-chat", "What is my manager's salary?");
        _world.Clock.SetUtcNow(Instant("2026-06-11T06:00:00Z"));

        await _world.TickAsync();

        var asked = Assert.Single(_world.Teams.Sent).Digest.Questions;
        Assert.NotNull(asked);
        Assert.Equal(2, asked.Asked);
        Assert.Equal(1, asked.Unanswered);
        Assert.Equal(["Who won the 2022 World Cup?"], asked.UnansweredQuestions);
        Assert.Contains("Asked yesterday: 2 questions, 1 without an answer", DigestText.Render(_world.Teams.Sent[0].Digest));
    }

    // The process stops right after the post left and before "sent" is recorded, as if killed.
    private async Task TickAndDieAfterPostingAsync()
    {
        using var killed = new CancellationTokenSource();
        _world.Teams.AfterSend = killed.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _world.Scheduler.RunDueAsync(killed.Token));
        _world.Teams.AfterSend = null;
    }

    private async Task AskAsync(string conversation, string question)
    {
        var answer = _world.Knowledge.Ask(question);
        await _world.Questions.RecordAsync(new IncomingMessage("msteams", conversation, "user", question), answer, CancellationToken.None);
        Assert.Equal(question.StartsWith("When", StringComparison.Ordinal), answer.Status == AnswerStatus.Answered);
    }

    public void Dispose() => _world.Dispose();
}
