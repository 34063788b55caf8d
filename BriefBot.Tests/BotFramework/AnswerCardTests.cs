using BriefBot.Channels.BotFramework;
using BriefBot.Conversation;
using BriefBot.Search;

namespace BriefBot.Tests.BotFramework;

/// <summary>How answers look in Teams: a card for a quote, a short text for everything else.</summary>
public sealed class AnswerCardTests
{
    private static readonly Activity Incoming = new()
    {
        Type = "message",
        Id = "1485983408511",
        From = new ChannelAccount("29:user", "Megan"),
        Recipient = new ChannelAccount("28:bot", "BriefBot"),
        Conversation = new ConversationAccount("a:personal"),
    };

    [Fact]
    public void AnAnswerCardLinksTheCitationAndListsOtherDocumentsOnce()
    {
        var answer = Answered(
            Cite("Setup guide", "guide.md", "https://docs.example.com/guide", "Installing"),
            new RelatedPassage("Another sentence.", Cite("Setup guide", "guide.md", "https://docs.example.com/guide", null)),
            new RelatedPassage("Elsewhere.", Cite("Release notes", "notes.md", null, null)),
            new RelatedPassage("Again elsewhere.", Cite("Release notes", "notes.md", null, null)));

        var reply = ReplyRenderer.Render(new AnswerReply(42, answer), Incoming);

        var card = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        string json = card.Content!.ToJsonString();
        Assert.Contains("\"version\":\"1.5\"", json);
        Assert.Equal("“The quote.”", CardText.Of(card.Content["body"]![0]!));
        Assert.Equal("— Setup guide · Installing · guide.md, passage 1", CardText.Of(card.Content["body"]![1]!));
        Assert.Equal(["https://docs.example.com/guide"], CardText.Links(card.Content["body"]![1]!));
        Assert.Contains("Other sources", json);
        Assert.Single(card.Content["body"]!.AsArray(), b => CardText.Of(b!).Contains("Release notes"));
        Assert.Equal([true, false], card.Content["actions"]!.AsArray().Select(a => (bool)a!["data"]!["helpful"]!));
        Assert.All(card.Content["actions"]!.AsArray(), a => Assert.Equal(42, (long)a!["data"]!["questionId"]!));
        Assert.Equal("“The quote.” — Setup guide (https://docs.example.com/guide), guide.md, passage 1", reply.Summary);
        Assert.Null(reply.Text);
        Assert.Equal(("1485983408511", "28:bot", "29:user"), (reply.ReplyToId, reply.From!.Id, reply.Recipient!.Id));
    }

    [Fact]
    public void AnAbstentionIsAShortTextNamingTheClosestDocuments()
    {
        var answer = new Answer("Who won?", AnswerStatus.NotFound, null, null, 0.1, [], ["Release notes", "Setup guide"], Answer.NotFoundMessage);

        var reply = ReplyRenderer.Render(new AnswerReply(7, answer), Incoming);

        Assert.Null(reply.Attachments);
        Assert.Equal("I couldn't find that in the sources. The closest documents: Release notes, Setup guide.", reply.Text);
    }

    [Fact]
    public void ASourcesListIsCappedAndSaysHowManyMore()
    {
        var documents = Enumerable.Range(1, 25)
            .Select(i => new DocumentInfo($"doc{i}.md", $"Doc {i}", null, 2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))
            .ToList();

        var reply = ReplyRenderer.Render(new SourcesReply(documents, 50), Incoming);

        Assert.StartsWith("I answer from 25 documents (50 passages):", reply.Text);
        Assert.Contains("- Doc 20 (doc20.md)", reply.Text);
        Assert.DoesNotContain("Doc 21", reply.Text);
        Assert.EndsWith("- and 5 more", reply.Text);
    }

    [Fact]
    public void TheSourcesListSaysHowManyFilesCouldNotBeRead()
    {
        var documents = new List<DocumentInfo> { new("guide.pdf", "Guide", null, 2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) };

        var reply = ReplyRenderer.Render(new SourcesReply(documents, 2, Skipped: 3), Incoming);

        Assert.StartsWith("I answer from 1 documents (2 passages); 3 files could not be read", reply.Text);
    }

    [Fact]
    public void ACitationSaysThePageWhereTheFormatHasPages()
    {
        var citation = new Citation("Guide", "guide.pdf", null, 4, "Deployment", 0, 1, 0, 1, "p") { Location = "page 4" };

        string text = AnswerCard.PlainText(Answered(citation));

        Assert.EndsWith("guide.pdf, page 4", text);
        Assert.Equal("Guide \u203A Deployment, page 4", citation.Where);
    }

    private static Answer Answered(Citation citation, params RelatedPassage[] related) =>
        new("How do I install it?", AnswerStatus.Answered, "The quote.", citation, 0.9, related, [], null);

    private static Citation Cite(string title, string path, string? url, string? section) =>
        new(title, path, url, 0, section, 0, 100, 10, 20, "The passage. The quote.");

    [Fact]
    public void ANotFoundReplyShowsTheClosestTitlesAsPlainTextWithoutLiveLinks()
    {
        var answer = new Answer("q", AnswerStatus.NotFound, null, null, 0.1, [], ["Billing [pay here](https://evil.example) \u202Etxt"], Answer.NotFoundMessage);

        var reply = ReplyRenderer.Render(new AnswerReply(7, answer), Incoming);

        Assert.Equal("plain", reply.TextFormat);
        Assert.DoesNotContain("](https://evil.example", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Billing [pay here]\u200B(https://evil.example)", reply.Text, StringComparison.Ordinal);
    }
}
