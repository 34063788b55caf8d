using System.Text.Json;
using BriefBot.Channels.BotFramework;

namespace BriefBot.Tests.BotFramework;

/// <summary>The bot's @mention is found through the mention entities, never by matching its name in the text.</summary>
public sealed class MentionTests
{
    [Fact]
    public void TheBotsMentionIsStrippedUsingItsEntity()
    {
        var activity = Read("channel_thread_mention");

        Assert.True(Mentions.MentionsBot(activity));
        Assert.Equal("reply to thread", Mentions.StripBotMention(activity));
    }

    [Fact]
    public void AMentionOfSomeoneElseKeepsTheirNameAndDoesNotAddressTheBot()
    {
        // The docs' sample mentions a person, not the recipient; its entity text does not even match the message.
        var activity = Read("docs_message_with_mention");

        Assert.False(Mentions.MentionsBot(activity));
        Assert.Equal("Hey Pranav Smith check out this message", Mentions.StripBotMention(activity));
    }

    [Fact]
    public void AMentionEntityWithoutTextFallsBackToTheBotsNameInAtTags()
    {
        var activity = Read("channel_thread_mention") with
        {
            Text = "<at>RidoTest</at>what is new",
            Entities = [new Entity("mention", new ChannelAccount("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", "ridotest"))],
        };

        Assert.Equal("what is new", Mentions.StripBotMention(activity));
    }

    [Fact]
    public void AMentionOfAnotherAccountWithTheBotsNameDoesNotAddressTheBot()
    {
        var activity = Read("channel_thread_mention") with
        {
            Entities = [new Entity("mention", new ChannelAccount("29:impersonator", "ridotest"), "<at>ridotest</at>")],
        };

        Assert.False(Mentions.MentionsBot(activity));
    }

    private static Activity Read(string name) =>
        JsonSerializer.Deserialize<Activity>(File.ReadAllText(Path.Combine(TestPaths.TestData, "BotFramework", name + ".json")), BotJson.Options)!;
}
