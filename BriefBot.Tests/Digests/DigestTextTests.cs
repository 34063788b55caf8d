using BriefBot.Digests;
using BriefBot.Search;
using BriefBot.Search.Summaries;

namespace BriefBot.Tests.Digests;

public sealed class DigestTextTests
{
    private static readonly DateOnly Day = new(2026, 6, 10);

    [Fact]
    public void TheTextListsEachDocumentWithItsQuotesThenYesterdaysQuestions()
    {
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, [Document("policy.md", "Travel policy", 2)], 3,
            new AskedYesterday(4, 1, ["Who approves train tickets?"]));

        string text = DigestText.Render(digest);

        Assert.Equal(
            "Daily digest for Wednesday 10 June 2026\n\n" +
            "Travel policy (policy.md)\n  \u201CSentence 1 of policy.md.\u201D (passage 1)\n  \u201CSentence 2 of policy.md.\u201D (passage 2)\n\n" +
            "…and 3 more new or changed documents.\n\n" +
            "Asked yesterday: 4 questions, 1 without an answer\n  - Who approves train tickets?",
            text);
    }

    [Fact]
    public void ALongDigestIsSplitBetweenDocumentsIntoPartsThatFit()
    {
        var documents = Enumerable.Range(1, 40).Select(i => Document($"doc-{i}.md", $"Document {i}", 3)).ToList();
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, documents, 0, null);

        var parts = DigestText.Render(digest, maxChars: 1_000);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 1_000));
        Assert.Equal(DigestText.Render(digest), string.Join("\n\n", parts));
    }

    [Fact]
    public void ABlockLongerThanTheLimitIsCutAtLinesOrWords()
    {
        var long1 = Document("long.md", "Long", 1) with { KeySentences = [Quote("long.md", 0, string.Join(' ', Enumerable.Repeat("word", 400)))] };
        var digest = new Digest(Day, DateTimeOffset.UnixEpoch, [long1], 0, null);

        var parts = DigestText.Render(digest, maxChars: 500);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 500));
        Assert.Equal(400, parts.Sum(p => p.Split(' ', '\n').Count(w => w.Trim('\u201C', '\u201D') == "word")));
    }

    [Fact]
    public void AQuietDayIsOneLine() =>
        Assert.Equal([Digest.NothingNewText], DigestText.Render(new Digest(Day, DateTimeOffset.UnixEpoch, [], 0, null), 500));

    private static DocumentSummary Document(string path, string title, int sentences) => new(
        new DocumentInfo(path, title, null, sentences, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        Enumerable.Range(0, sentences).Select(i => Quote(path, i, $"Sentence {i + 1} of {path}.")).ToList());

    private static KeyQuote Quote(string path, int passage, string text) =>
        new(text, new Citation(path, path, null, passage, null, 0, text.Length, 0, text.Length, text));
}
