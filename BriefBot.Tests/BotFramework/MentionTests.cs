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

    [Theory]
    [InlineData("<at>Tom</at>is here", "Tom is here")]
    [InlineData("ask <at id=\"29:1\">Ann Lee</at> and <AT>Bo</AT>", "ask Ann Lee and Bo")]
    [InlineData("<at>open but never closed", "<at>open but never closed")]
    [InlineData("<attribute>stays</at>", "<attribute>stays</at>")]
    [InlineData("a  \n\t b", "a b")]
    public void OtherMentionsLoseTheirTagsAndKeepTheirNames(string text, string expected)
    {
        var activity = Read("channel_thread_mention") with { Text = text, Entities = [] };

        Assert.Equal(expected, Mentions.StripBotMention(activity));
    }

    [Fact]
    public void StrippingTakesTimeInProportionToTheText()
    {
        var activity = Read("channel_thread_mention") with { Text = string.Concat(Enumerable.Repeat("<at></a", 4_681)) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        string stripped = Mentions.StripBotMention(activity);

        Assert.Equal(activity.Text, stripped);
        Assert.True(clock.ElapsedMilliseconds < 100, $"{clock.ElapsedMilliseconds} ms for 32 KB");
    }

    private static Activity Read(string name) =>
        JsonSerializer.Deserialize<Activity>(File.ReadAllText(Path.Combine(TestPaths.TestData, "BotFramework", name + ".json")), BotJson.Options)!;
}
