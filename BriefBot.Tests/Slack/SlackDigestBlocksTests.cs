using System.Text.Json.Nodes;
using BriefBot.Channels.Slack;
using BriefBot.Digests;
using BriefBot.Search;
using BriefBot.Search.Summaries;

namespace BriefBot.Tests.Slack;

public sealed class SlackDigestBlocksTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly DateOnly Day = new(2026, 6, 10);

    [Fact]
    public void ADigestShowsEachDocumentsTitleQuotesAndSourceThenYesterdaysQuestions()
    {
        var policy = Document("policy.md", "Travel <policy> & rules", 2, url: "https://intranet.example/policy");
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, [policy], 3, new AskedYesterday(4, 1, ["Who approves <train> tickets?"]));

        var message = Assert.Single(SlackDigestBlocks.Render(digest));

        var blocks = message.Blocks.Select(b => b!.AsObject()).ToList();
        Assert.Equal(["header", "section", "context", "context", "section"], blocks.Select(b => Type(b)));
        Assert.Equal("Daily digest for Wednesday 10 June 2026", blocks[0]["text"]!["text"]!.GetValue<string>());
        Assert.Equal("*Travel &lt;policy&gt; &amp; rules*\n>Sentence 1 of policy.md.\n>Sentence 2 of policy.md.", Mrkdwn(blocks[1]));
        Assert.Equal("Source: <https://intranet.example/policy|policy.md>, passages 1, 2", Mrkdwn(blocks[2]));
        Assert.Equal("…and 3 more new or changed documents.", Mrkdwn(blocks[3]));
        Assert.Equal("*Asked yesterday:* 4 questions, 1 without an answer\n• Who approves &lt;train&gt; tickets?", Mrkdwn(blocks[4]));
        Assert.Equal(
            "Daily digest for Wednesday 10 June 2026\n" +
            "Travel <policy> & rules\n  \u201CSentence 1 of policy.md.\u201D (passage 1)\n  \u201CSentence 2 of policy.md.\u201D (passage 2)\n" +
            "Source: https://intranet.example/policy, passages 1, 2\n" +
            "…and 3 more new or changed documents.\n" +
            "Asked yesterday: 4 questions, 1 without an answer\n  - Who approves <train> tickets?",
            message.Text);
    }

    [Fact]
    public void AQuietDayIsOneShortMessage()
    {
        var message = Assert.Single(SlackDigestBlocks.Render(new Digest(Day, DateTimeOffset.UnixEpoch, [], 0, null)));

        Assert.Equal(Digest.NothingNewText, message.Text);
        Assert.Equal(Digest.NothingNewText, Mrkdwn(Assert.Single(message.Blocks)!.AsObject()));
    }

    [Fact]
    public void ALongDigestIsSplitBetweenDocumentsIntoLabelledPartsWithinSlacksLimits()
    {
        string sentence = string.Join(' ', Enumerable.Repeat("long & winding", 60));
        var documents = Enumerable.Range(1, 80)
            .Select(i => Document($"doc-{i:D2}.md", $"Document {i:D2}", 3, text: n => $"{sentence} {i}.{n}."))
            .ToList();
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, documents, 0, new AskedYesterday(2, 2, ["One?", "Two?"]));

        var parts = SlackDigestBlocks.Render(digest);

        Assert.InRange(parts.Count, 3, 10);
        for (int i = 0; i < parts.Count; i++)
        {
            AssertWithinLimits(parts[i]);
            Assert.Equal($"Part {i + 1} of {parts.Count}", Mrkdwn(parts[i].Blocks[^1]!.AsObject()));
            Assert.EndsWith($"(Part {i + 1} of {parts.Count})", parts[i].Text);
        }

        // Every document once, whole (title, quotes, source) in one part, in order.
        string all = string.Concat(parts.Select(p => p.Blocks.ToJsonString()));
        var titles = documents.Select(d => all.IndexOf($"*{d.Document.Title}*", StringComparison.Ordinal)).ToList();
        Assert.All(titles, at => Assert.True(at >= 0));
        Assert.Equal(titles.Order(), titles);
        Assert.All(Enumerable.Range(1, 80), i => Assert.Single(parts, p => p.Blocks.ToJsonString(Relaxed).Contains($"Source: `doc-{i:D2}.md`,", StringComparison.Ordinal)
            && p.Text.Contains($"{sentence} {i}.3.", StringComparison.Ordinal)));
        Assert.Contains("Asked yesterday", parts[^1].Text);
    }

    [Fact]
    public void AQuoteLongerThanASectionIsCutBetweenWordsAndEachPieceStaysAQuote()
    {
        string quote = string.Join(' ', Enumerable.Repeat("a&b", 2_000));
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, [Document("big.md", "Big", 1, text: _ => quote)], 0, null);

        var message = Assert.Single(SlackDigestBlocks.Render(digest));

        AssertWithinLimits(message);
        var sections = message.Blocks.Select(b => b!.AsObject()).Where(b => Type(b) == "section").Select(Mrkdwn).ToList();
        Assert.True(sections.Count >= 3);
        var quoted = sections.SelectMany(s => s.Split('\n')).Where(line => !line.StartsWith('*')).ToList();
        Assert.All(quoted, line => Assert.StartsWith(">", line));
        Assert.Equal(2_000, quoted.Sum(line => line.TrimStart('>').Split(' ').Count(w => w == "a&amp;b")));
    }

    private static void AssertWithinLimits(SlackMessage message)
    {
        Assert.InRange(message.Blocks.Count, 1, 50);
        Assert.InRange(message.Text.Length, 1, 40_000);
        foreach (var block in message.Blocks.Select(b => b!.AsObject()))
        {
            string text = Type(block) == "context" ? block["elements"]![0]!["text"]!.GetValue<string>() : block["text"]!["text"]!.GetValue<string>();
            Assert.InRange(text.Length, 1, Type(block) == "header" ? 150 : 3_000);
        }
    }

    private static string Type(JsonObject block) => block["type"]!.GetValue<string>();

    private static string Mrkdwn(JsonObject block) =>
        Type(block) == "context" ? block["elements"]![0]!["text"]!.GetValue<string>() : block["text"]!["text"]!.GetValue<string>();

    private static DocumentSummary Document(string path, string title, int sentences, string? url = null, Func<int, string>? text = null) => new(
        new DocumentInfo(path, title, url, sentences, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        Enumerable.Range(0, sentences).Select(i => Quote(path, i, text?.Invoke(i + 1) ?? $"Sentence {i + 1} of {path}.")).ToList());

    private static KeyQuote Quote(string path, int passage, string text) =>
        new(text, new Citation(path, path, null, passage, null, 0, text.Length, 0, text.Length, text));
}
