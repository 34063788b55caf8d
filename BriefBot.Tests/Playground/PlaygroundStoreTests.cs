using BriefBot.Channels.Playground;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefBot.Tests.Playground;

public sealed class PlaygroundStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AnIdleConversationIsForgottenAndMakesRoomForANewOne()
    {
        var store = new PlaygroundStore(Options.Create(new PlaygroundOptions { MaxConversations = 1, IdleMinutes = 5 }), _time);
        var first = store.Start()!;
        Assert.Null(store.Start());

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(store.Find(first.Id, first.Token));
        Assert.Null(store.FindByToken(first.Token));
        Assert.NotNull(store.Start());
    }

    [Fact]
    public void UsingAConversationKeepsItAlive()
    {
        var store = new PlaygroundStore(Options.Create(new PlaygroundOptions { IdleMinutes = 5 }), _time);
        var conversation = store.Start()!;

        _time.Advance(TimeSpan.FromMinutes(4));
        conversation.Since(0);
        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.Same(conversation, store.Find(conversation.Id, conversation.Token));
        Assert.Null(store.Find(conversation.Id, "another token"));
    }
}
