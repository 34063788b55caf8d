using System.Text.Json.Nodes;
using BriefBot.Channels.Slack;
using BriefBot.Conversation;
using BriefBot.Search;

namespace BriefBot.Tests.Slack;

/// <summary>How replies look in Block Kit, and that quoted text cannot inject mrkdwn controls or formatting.</summary>
public sealed class SlackBlocksTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<@U123> <!channel> <https://evil|click>", "&lt;@U123&gt; &lt;!channel&gt; &lt;https://evil|click&gt;")]
    [InlineData("x > y < z", "x &gt; y &lt; z")]
    [InlineData("*bold* _it_ ~no~ `code` \"quoted\" 'single'", "\u2217bold\u2217 \u02CDit\u02CD \u223Cno\u223C \u02CBcode\u02CB \"quoted\" 'single'")]
    [InlineData("> not a quote\nline", "\u00AD&gt; not a quote\nline")]
    [InlineData("left\u202Eright", "leftright")]
    public void DocumentTextIsLiteralMrkdwn(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(text));
    }

    [Fact]
    public void AnAnswerIsARichTextQuoteOfTheVerbatimTextWithItsCitationAndFeedbackButtons()
    {
        var citation = new Citation("R&D <notes>", "docs/r&d.md", null, 2, null, 0, 10, 0, 10, "passage");
        var answer = new Answer("q", AnswerStatus.Answered, "Line one & <two> *as is*\nLine three", citation, 0.9, [], [], null);

        var message = SlackBlocks.Render(new AnswerReply(42, answer));

        var blocks = message.Blocks;
        Assert.Equal("rich_text", blocks[0]!["type"]!.GetValue<string>());
        Assert.Equal("Line one & <two> *as is*\nLine three", QuoteText(blocks[0]!));
        Assert.Equal("Source: *R&amp;D &lt;notes&gt;* · `docs/r&amp;d.md`, passage 3", blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(["42", "42"], blocks[2]!["elements"]!.AsArray().Select(b => b!["value"]!.GetValue<string>()));
        Assert.Contains("Line one & <two>", message.Text);
    }

    [Fact]
    public void ACitationWithAUrlIsALink()
    {
        var citation = new Citation("Guide", "guide.html", "https://docs.example.com/guide?a=1&b=2", 0, null, 0, 1, 0, 1, "p");
        var answer = new Answer("q", AnswerStatus.Answered, "quote", citation, 0.9, [], [], null);

        var message = SlackBlocks.Render(new AnswerReply(1, answer));

        Assert.Contains("<https://docs.example.com/guide?a=1&amp;b=2|Guide>", message.Blocks[1]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void NotFoundSaysSoAndStillAsksForFeedback()
    {
        var answer = new Answer("q", AnswerStatus.NotFound, null, null, 0.1, [], ["Closest <doc>"], Answer.NotFoundMessage);

        var message = SlackBlocks.Render(new AnswerReply(7, answer));

        Assert.Equal(Answer.NotFoundMessage, message.Text);
        Assert.Equal("Closest documents: Closest &lt;doc&gt;", message.Blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("actions", message.Blocks[2]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void ANotFoundReplyShowsTheClosestTitlesAsText()
    {
        var answer = new Answer("q", AnswerStatus.NotFound, null, null, 0.1, [], ["<!here> *urgent* \u202Etxt"], Answer.NotFoundMessage);

        var message = SlackBlocks.Render(new AnswerReply(7, answer));

        Assert.Equal("Closest documents: &lt;!here&gt; \u2217urgent\u2217 txt", message.Blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void ALongSourcesListStaysWithinASection()
    {
        var documents = Enumerable.Range(0, 200)
            .Select(i => new DocumentInfo($"folder/document-{i}-{new string('x', 100)}.md", $"Title {i} {new string('y', 100)}", null, 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))
            .ToList();

        var message = SlackBlocks.Render(new SourcesReply(documents, 600));

        string text = Text(message.Blocks[0]!);
        int listed = text.Split('\n').Count(line => line.StartsWith('•'));
        Assert.True(text.Length <= 3000);
        Assert.InRange(listed, 1, 25);
        Assert.EndsWith($"and {200 - listed} more", text);
    }

    private static string Text(JsonNode block) => block["text"]!["text"]!.GetValue<string>();

    private static string QuoteText(JsonNode block)
    {
        var quote = block["elements"]![0]!;
        Assert.Equal("rich_text_quote", quote["type"]!.GetValue<string>());
        return quote["elements"]![0]!["text"]!.GetValue<string>();
    }
}
