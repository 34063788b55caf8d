using BriefBot.Search;
using BriefBot.Search.Summaries;
using Microsoft.Extensions.Time.Testing;
using BriefBot.Tests.Search;

namespace BriefBot.Tests.Summaries;

public sealed class SummarizerTests
{
    private const string Article =
        "By . Daily Mail Reporter . PUBLISHED: 10:31 EST, 2 April 2015 . UPDATED: 11:02 EST, 2 April 2015 .\n" +
        "A new bridge across the river opened on Tuesday after four years of building work and two delays. " +
        "The mayor cut the ribbon in front of a crowd of several hundred residents who had gathered since dawn. " +
        "Scroll down for video. " +
        "Engineers say the bridge will carry 40,000 vehicles a day and cut the commute into the city by twenty minutes. " +
        "It cost £120 million, most of it paid for by the regional government and a transport levy on local firms. " +
        "Local shops hope the extra traffic will bring more customers to the old town. " +
        "Wow. " +
        "A second bridge further downstream is planned but has not yet been approved by the council.";

    [Fact]
    public void KeySentencesAreQuotedVerbatimFromTheText()
    {
        var summary = Summarizer.Summarize(Article);

        Assert.Equal(3, summary.Count);
        foreach (var sentence in summary)
        {
            Assert.Equal(sentence.Text, Article[sentence.Start..sentence.End]);
        }

        Assert.Equal(summary.OrderBy(s => s.Start), summary);
    }

    [Fact]
    public void BylinesStampsPromptsAndFragmentsAreNeverKeySentences()
    {
        var summary = Summarizer.Summarize(Article, maxSentences: 10);

        Assert.DoesNotContain(summary, s => s.Text.Contains("Daily Mail Reporter", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Text.Contains("PUBLISHED", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Text.Contains("Scroll down", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, s => s.Text == "Wow.");
        Assert.StartsWith("A new bridge across the river opened", summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSeedDocumentGetsThreeSentencesOfItsOwn()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "000_6fc04832441e38c0.txt"));

        var summary = Summarizer.Summarize(text);

        Assert.Equal(3, summary.Count);
        Assert.All(summary, s => Assert.Contains(s.Text, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("Too short.")]
    public void ATextWithNothingWorthQuotingHasNoKeySentences(string text) => Assert.Empty(Summarizer.Summarize(text));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void TheNumberOfSentencesIsBounded(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Summarizer.Summarize(Article, count));

    [Fact]
    public void AnIndexedDocumentsKeySentencesAreCitedAtTheirOffsetsInTheDocumentText()
    {
        using var folder = new TempFolder();
        string text = "# Bridges\n\n" + Article.Replace(". ", ".\n\n", StringComparison.Ordinal);
        folder.Write("sources/bridge.md", text);
        using var knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = folder.Combine("sources"), IndexFolder = folder.Combine("index") });
        knowledge.Refresh();

        var summary = knowledge.Summarize("bridge.md");

        Assert.NotNull(summary);
        Assert.Equal("Bridges", summary.Document.Title);
        Assert.Equal(3, summary.KeySentences.Count);
        foreach (var quote in summary.KeySentences)
        {
            Assert.Equal(quote.Text, Documents.TextOf(folder.Combine("sources/bridge.md"), "bridge.md")[quote.Citation.QuoteStart..quote.Citation.QuoteEnd]);
            Assert.Contains(quote.Text, quote.Citation.PassageText, StringComparison.Ordinal);
            Assert.Equal("bridge.md", quote.Citation.Path);
        }

        Assert.Null(knowledge.Summarize("missing.md"));
    }

    [Fact]
    public void DocumentsSinceListsNewAndChangedDocumentsNewestFirst()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        using var knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = folder.Combine("sources"), IndexFolder = folder.Combine("index"), Clock = clock });
        folder.Write("sources/a.txt", "The first version of document a says one thing about the office.");
        folder.Write("sources/b.txt", "Document b was there from the start and never changes at all.");
        knowledge.Refresh();
        var cut = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromHours(1));
        folder.Write("sources/c.txt", "Document c arrives after the cut and is new to the digest.");
        knowledge.Refresh();
        clock.Advance(TimeSpan.FromHours(1));
        folder.Write("sources/a.txt", "The second version of document a says another thing about the office.");
        knowledge.Refresh();

        Assert.Equal(["a.txt", "c.txt"], knowledge.DocumentsSince(cut).Select(d => d.Path));
    }
}
