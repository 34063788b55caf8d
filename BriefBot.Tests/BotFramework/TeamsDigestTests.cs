using BriefBot.Channels.BotFramework;
using BriefBot.Digests;
using BriefBot.Storage;
using BriefBot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BriefBot.Tests.BotFramework;

/// <summary>Daily digests in Teams, end to end: signed activities in, the schedule on a fake clock, posts to the fake Connector.</summary>
public sealed class TeamsDigestTests : IAsyncLifetime
{
    internal const string Policy =
        "The travel policy changes on 1 July. Employees must book every flight through the company travel desk from then on. " +
        "Trains are preferred for any journey shorter than four hours, whatever the price difference. " +
        "Receipts for hotels are uploaded within ten days of the return, or the costs are not refunded.";

    private DigestChannelsBed _bed = null!;

    public async Task InitializeAsync() => _bed = await DigestChannelsBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ASubscribedTeamsChannelGetsOneNewPostAtTheDueTimeWithTheNewDocumentsQuoteAndCitation()
    {
        var ack = await _bed.SayInTeamsAsync("digest on 08:00 Europe/Berlin");
        Assert.Contains("Daily digest on: every day at 08:00 (Europe/Berlin), next on Wed 10 Jun", ack.Body.GetProperty("text").GetString());
        _bed.Publish(("travel-policy.txt", Policy));

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.TeamsChannelPosts().Count > 0);
        Assert.True(_bed.Clock.GetUtcNow() >= DigestChannelsBed.DueTime);
        await _bed.PollAgainAsync();

        var post = Assert.Single(_bed.TeamsChannelPosts());
        Assert.StartsWith("Bearer fake-connector-token-", post.Authorization);
        Assert.True(post.Body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", post.Body.GetProperty("tenantId").GetString());
        var activity = post.Body.GetProperty("activity");
        Assert.Equal("Daily digest for Wednesday 10 June 2026", activity.GetProperty("summary").GetString());
        Assert.False(activity.TryGetProperty("text", out _), "a card and a text in one activity become two Teams messages");

        var card = DigestChannelsBed.Card(post);
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var texts = DigestChannelsBed.CardTexts(card);
        Assert.Equal("Daily digest for Wednesday 10 June 2026", texts[0]);
        var quotes = texts.Where(t => t.StartsWith('\u201C')).Select(t => t.Trim('\u201C', '\u201D')).ToList();
        Assert.InRange(quotes.Count, 1, 3);
        Assert.All(quotes, quote => Assert.Contains(quote, Policy));
        Assert.Contains(texts, t => t.StartsWith("Source: travel-policy.txt, passage", StringComparison.Ordinal));
        string fallback = card.GetProperty("fallbackText").GetString()!;
        Assert.Contains(quotes[0], fallback);
        Assert.Contains("travel-policy.txt", fallback);
        Assert.DoesNotContain("welcome.md", fallback);
    }

    [Fact]
    public async Task SubscribingInAChannelThreadKeepsTheChannelsReferenceSoItsServiceUrlStaysTrustedAfterARestart()
    {
        await _bed.SayInTeamsAsync("digest on 08:00 Europe/Berlin");

        var reference = await _bed.Host.Services.GetRequiredService<ConversationReferenceStore>()
            .FindAsync("msteams", DigestChannelsBed.TeamsChannel, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(_bed.Connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2", reference.TeamId);
        Assert.Equal("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", reference.BotId);
    }

    [Fact]
    public async Task ADigestIsNeverPostedToAServiceUrlNoValidatedRequestBrought()
    {
        string stranger = _bed.Connector.Url + "/emea/";
        var address = new TeamsDigestAddress(stranger, "a:stranger", "personal", "tenant", null, null, "28:" + FakeBotConnector.DefaultAppId, "BriefBot");
        await _bed.Host.Services.GetRequiredService<SubscriptionStore>().SaveAsync(
            "msteams", address.ConversationId, new TimeOnly(8, 0), "Europe/Berlin", true, address.ToJson(), CancellationToken.None);
        int before = _bed.Connector.Requests.Count;

        await _bed.AdvanceToDueTimeUntilAsync(() => RunState() == "failed");
        await _bed.PollAgainAsync();

        Assert.Equal("failed", RunState());
        Assert.Equal(before, _bed.Connector.Requests.Count);
    }

    [Fact]
    public async Task DigestOffInAnotherThreadStopsTheChannelsDigestWhileAPersonalChatStillGetsIt()
    {
        await _bed.SayInTeamsAsync("digest on 08:00 Europe/Berlin");
        var personal = await _bed.SayInTeamsAsync("digest on 08:00 Europe/Berlin", thread: null);

        var off = await _bed.SayInTeamsAsync("digest off", thread: "1759881599999");
        Assert.Equal("Daily digest off for this conversation.", off.Body.GetProperty("text").GetString());
        _bed.Publish(("travel-policy.txt", Policy));

        bool Arrived() => _bed.Connector.Requests.Any(r => r.Operation == "send" && r.ConversationId == personal.ConversationId && r.Card is not null);
        await _bed.AdvanceToDueTimeUntilAsync(Arrived);
        await _bed.PollAgainAsync();

        var digest = Assert.Single(_bed.Connector.Requests, r => r.Operation == "send" && r.ConversationId == personal.ConversationId && r.Card is not null);
        Assert.Contains("travel-policy.txt", DigestChannelsBed.Card(digest).GetProperty("fallbackText").GetString());
        Assert.Empty(_bed.TeamsChannelPosts());
    }

    [Fact]
    public async Task DigestNowAnswersAtOnceWithTheDigestCardInTheThread()
    {
        _bed.Publish(("travel-policy.txt", Policy));

        var reply = await _bed.SayInTeamsAsync("digest now");

        Assert.Equal($"{DigestChannelsBed.TeamsChannel};messageid=1759881511856", reply.ConversationId);
        var texts = DigestChannelsBed.CardTexts(DigestChannelsBed.Card(reply));
        Assert.Equal("Daily digest for Wednesday 10 June 2026", texts[0]);
        Assert.Contains(texts, t => t.StartsWith("Source: travel-policy.txt", StringComparison.Ordinal));
        Assert.True(_bed.Clock.GetUtcNow() < DigestChannelsBed.DueTime);
        Assert.Empty(_bed.TeamsChannelPosts());
    }

    [Fact]
    public async Task HelpInTeamsListsTheDigestCommands()
    {
        var reply = await _bed.SayInTeamsAsync("help", thread: null);

        string help = reply.Body.GetProperty("text").GetString()!;
        Assert.Contains("**digest on [HH:MM] [Time/Zone] [quiet]**", help);
        Assert.Contains("**digest off**", help);
        Assert.Contains("**digest now**", help);
    }

    private string? RunState()
    {
        using var connection = new SqliteConnection($"Data Source={_bed.Host.Folder.Combine("briefbot.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM digest_runs";
        return command.ExecuteScalar() as string;
    }
}
