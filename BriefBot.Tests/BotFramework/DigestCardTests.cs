using System.Globalization;
using BriefBot.Channels.BotFramework;
using BriefBot.Digests;
using BriefBot.Search;
using BriefBot.Search.Summaries;

namespace BriefBot.Tests.BotFramework;

/// <summary>A digest as Teams cards: content, plain-text fallback and parts within the size limit.</summary>
public sealed class DigestCardTests
{
    private static readonly DateOnly Day = new(2026, 6, 10);

    [Fact]
    public void ADocumentShowsItsLinkedTitleItsQuotesAndItsSourceWithPassages()
    {
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, [Summary("Travel policy", "policies/travel.md", "https://intranet.example/travel", 0, 2)], 0, null);

        var message = Assert.Single(Render(digest));
        var card = message.Attachments![0].Content!;
        var texts = card["body"]!.AsArray().Select(b => CardText.Of(b!)).ToList();

        Assert.Equal(
            [
                "Daily digest for Wednesday 10 June 2026",
                "Travel policy",
                "\u201CSentence 1 of policies/travel.md.\u201D",
                "\u201CSentence 3 of policies/travel.md.\u201D",
                "Source: policies/travel.md, passages 1, 3",
            ],
            texts);
        Assert.Equal(["https://intranet.example/travel", "https://intranet.example/travel"], card["body"]!.AsArray().SelectMany(b => CardText.Links(b!)));
        Assert.Equal("1.5", (string)card["version"]!);
        Assert.Equal(
            "Daily digest for Wednesday 10 June 2026\n\nTravel policy\n  \u201CSentence 1 of policies/travel.md.\u201D (passage 1)\n" +
            "  \u201CSentence 3 of policies/travel.md.\u201D (passage 3)\nSource: https://intranet.example/travel, passages 1, 3",
            (string)card["fallbackText"]!);
        Assert.Equal("Daily digest for Wednesday 10 June 2026", message.Summary);
    }

    [Fact]
    public void AQuietDayIsOneCardWithTheNothingNewLine()
    {
        var message = Assert.Single(Render(new Digest(Day, DateTimeOffset.UnixEpoch, [], 0, null)));

        Assert.Equal(Digest.NothingNewText, message.Summary);
        Assert.Equal(Digest.NothingNewText, CardText.Of(message.Attachments![0].Content!["body"]![0]!));
        Assert.Single(message.Attachments![0].Content!["body"]!.AsArray());
    }

    [Fact]
    public void UnansweredQuestionsThatDoNotFitOneMessageContinueInLabelledPartsWithinTheLimit()
    {
        var questions = Enumerable.Range(1, 100).Select(i => $"Question {i:D3}: " + new string('x', 300)).ToList();
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, [], 0, new AskedYesterday(120, 100, questions));

        var messages = Render(digest);

        Assert.InRange(messages.Count, 2, 5);
        var lines = new List<string>();
        for (int i = 0; i < messages.Count; i++)
        {
            Assert.InRange(DigestMessages.Size(messages[i]), 1, DigestMessages.MaxMessageBytes);
            var texts = messages[i].Attachments![0].Content!["body"]!.AsArray().Select(b => CardText.Of(b!)).ToList();
            Assert.Equal($"Part {i + 1} of {messages.Count}", texts[^1]);
            Assert.Equal($"Daily digest for Wednesday 10 June 2026 (part {i + 1} of {messages.Count})", messages[i].Summary);
            lines.AddRange(texts.Where(t => t.StartsWith("- ", StringComparison.Ordinal)));
        }

        Assert.Equal(questions.Select(q => "- " + q[..299] + "…"), lines);
        Assert.Contains("Asked yesterday: 120 questions, 100 without an answer",
            messages[0].Attachments![0].Content!["body"]!.AsArray().Select(b => CardText.Of(b!)));
    }

    private static IReadOnlyList<Activity> Render(Digest digest) =>
        DigestMessages.Render(digest, (card, summary) => new Activity { Type = "message", Summary = summary, Attachments = [card] });

    private static DocumentSummary Summary(string title, string path, string? url, params int[] passages)
    {
        var info = new DocumentInfo(path, title, url, 4, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        return new DocumentSummary(info, [.. passages.Select(p =>
        {
            string text = string.Create(CultureInfo.InvariantCulture, $"Sentence {p + 1} of {path}.");
            return new KeyQuote(text, new Citation(title, path, url, p, null, 0, text.Length, 0, text.Length, text));
        })]);
    }
}
