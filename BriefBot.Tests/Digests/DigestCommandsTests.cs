using BriefBot.Conversation;
using BriefBot.Digests;
using static BriefBot.Tests.Digests.DigestScheduleTests;

namespace BriefBot.Tests.Digests;

public sealed class DigestCommandsTests : IDisposable
{
    private readonly DigestWorld _world = new(Instant("2026-06-10T05:00:00Z"), new DigestOptions { DefaultTimeZone = "America/New_York", DefaultTime = "7:15" });

    [Theory]
    [InlineData("digest on 08:30 Europe/Berlin", "08:30", "Europe/Berlin", null)]
    [InlineData("Digest ON 8:30", "08:30", null, null)]
    [InlineData("digest on", null, null, null)]
    [InlineData("digest on Asia/Tokyo quiet", null, "Asia/Tokyo", true)]
    [InlineData("digest on 17:05 UTC always", "17:05", "UTC", false)]
    public void DigestOnReadsTimeZoneAndQuietDays(string text, string? time, string? zone, bool? quiet)
    {
        var on = Assert.IsType<DigestCommand.On>(DigestCommand.Parse(text));

        Assert.Equal(time, on.Time?.ToString("HH:mm"));
        Assert.Equal(zone, on.TimeZone);
        Assert.Equal(quiet, on.Quiet);
    }

    [Theory]
    [InlineData("digest on 25:00")]
    [InlineData("digest on 08:30 Mars/Olympus_Mons")]
    [InlineData("digest on 08:30 Europe/Berlin Europe/Paris")]
    [InlineData("digest")]
    [InlineData("digest sometimes")]
    [InlineData("digest off please")]
    public void AMalformedDigestCommandGetsTheUsage(string text) =>
        Assert.IsType<DigestCommand.Invalid>(DigestCommand.Parse(text));

    [Theory]
    [InlineData("what is in the digest?")]
    [InlineData("digestion problems")]
    [InlineData("")]
    public void OtherMessagesAreNotDigestCommands(string text) => Assert.Null(DigestCommand.Parse(text));

    [Fact]
    public async Task DigestOnSubscribesTheConversationWithTheConfiguredDefaults()
    {
        var reply = await SayAsync("19:general", "digest on");

        var subscription = await _world.Subscriptions.FindAsync("msteams", "19:general", CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(new TimeOnly(7, 15), subscription.TimeOfDay);
        Assert.Equal("America/New_York", subscription.TimeZone);
        Assert.Equal("https://smba.example/teams/", subscription.Reference);
        Assert.Contains("07:15 (America/New_York)", Assert.IsType<TextReply>(reply).Text);
    }

    [Fact]
    public async Task DigestOnAgainChangesTheTimeAndKeepsTheZone()
    {
        await SayAsync("19:general", "digest on 08:30 Europe/Berlin");
        await SayAsync("19:general", "digest on 09:45");

        var all = await _world.Subscriptions.AllAsync(CancellationToken.None);
        var subscription = Assert.Single(all);
        Assert.Equal(new TimeOnly(9, 45), subscription.TimeOfDay);
        Assert.Equal("Europe/Berlin", subscription.TimeZone);
    }

    [Fact]
    public async Task DigestNowRepliesWithTheDigestAtOnce()
    {
        _world.Publish("handbook.md", "# Handbook\n\nThe office opens at eight every weekday morning and closes at six in the evening.\n");

        var reply = await SayAsync("19:general", "digest now");

        var digest = Assert.IsType<DigestReply>(reply).Digest;
        var document = Assert.Single(digest.Documents);
        Assert.Equal("handbook.md", document.Document.Path);
        Assert.Equal("The office opens at eight every weekday morning and closes at six in the evening.", Assert.Single(document.KeySentences).Text);
        Assert.Empty(_world.Teams.Sent);
    }

    [Fact]
    public async Task UnsubscribingStopsTheDigest()
    {
        await SayAsync("19:general", "digest on 08:00 Europe/Berlin");
        _world.Clock.SetUtcNow(Instant("2026-06-10T06:00:00Z"));
        await _world.TickAsync();

        var reply = await SayAsync("19:general", "digest off");
        for (var at = Instant("2026-06-10T07:00:00Z"); at < Instant("2026-06-14T07:00:00Z"); at = at.AddHours(1))
        {
            _world.Clock.SetUtcNow(at);
            await _world.TickAsync();
        }

        Assert.Equal("Daily digest off for this conversation.", Assert.IsType<TextReply>(reply).Text);
        Assert.Single(_world.Teams.Sent);
        Assert.Empty(await _world.Subscriptions.AllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task QuestionsAreNotDigestCommands() =>
        Assert.Null(await SayAsync("19:general", "When does the office open?"));

    private Task<BotReply?> SayAsync(string conversation, string text) =>
        _world.Commands.TryHandleAsync(new IncomingMessage("msteams", conversation, "user", text), "https://smba.example/teams/", CancellationToken.None);

    public void Dispose() => _world.Dispose();
}
