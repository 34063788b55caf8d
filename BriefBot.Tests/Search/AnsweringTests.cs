using BriefBot.Search;

namespace BriefBot.Tests.Search;

public sealed class AnsweringTests(SeedKnowledge seeds) : IClassFixture<SeedKnowledge>
{
    public static TheoryData<string, string> SeedQuestions() => TestData.Rows("Search/seed-questions.tsv");

    public static TheoryData<string> HostileQuestions() => TestData.Lines("Search/hostile-questions.txt");

    [Theory]
    [MemberData(nameof(SeedQuestions))]
    public void SeedQuestionsAreAnsweredWithAVerbatimQuoteOrHonestlyNotFound(string question, string expected)
    {
        var answer = seeds.Knowledge.Ask(question);

        if (expected.Length == 0)
        {
            Assert.Equal(AnswerStatus.NotFound, answer.Status);
            Assert.Null(answer.Quote);
            Assert.Equal(Answer.NotFoundMessage, answer.Message);
            return;
        }

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(expected, answer.Quote);
        AssertVerbatim(answer);
    }

    [Fact]
    public void TheCitationPointsAtTheQuoteInTheTextAReaderSeesOfTheSourceFile()
    {
        var answer = seeds.Knowledge.Ask("What did Xi pledge to send to Ukraine?");

        var cite = answer.Citation!;
        Assert.Equal("000_6fc04832441e38c0.txt", cite.Path);
        string source = Documents.TextOf(Path.Combine(TestPaths.Seeds, cite.Path), cite.Path);
        Assert.Equal(cite.PassageText, source[cite.PassageStart..cite.PassageEnd]);
        Assert.Equal(answer.Quote!.Trim('\u2026'), source[cite.QuoteStart..cite.QuoteEnd]);
        Assert.InRange(answer.Confidence, 0, 1);
    }

    [Theory]
    [MemberData(nameof(HostileQuestions))]
    public void HostileQuestionsGetACleanReplyNeverAnException(string question)
    {
        var answer = seeds.Knowledge.Ask(question);

        Assert.NotNull(answer);
        if (answer.IsAnswered)
        {
            AssertVerbatim(answer);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(answer.Message));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void AnEmptyQuestionIsRefused(string question)
    {
        var answer = seeds.Knowledge.Ask(question);

        Assert.Equal(AnswerStatus.Rejected, answer.Status);
    }

    [Fact]
    public void AQuestionOverTheLengthCapIsRefusedWithoutSearching()
    {
        var answer = seeds.Knowledge.Ask(new string('x', 10_000));

        Assert.Equal(AnswerStatus.Rejected, answer.Status);
        Assert.Contains("2000", answer.Message);
    }

    [Fact]
    public void AQuestionOfOnlyStopWordsAsksForMoreWords()
    {
        var answer = seeds.Knowledge.Ask("what is the");

        Assert.Equal(AnswerStatus.Rejected, answer.Status);
    }

    [Fact]
    public void AnAbstentionNamesTheClosestDocuments()
    {
        var answer = seeds.Knowledge.Ask("Which Chinese satellite launched in 1970?");

        Assert.Equal(AnswerStatus.NotFound, answer.Status);
        Assert.NotEmpty(answer.ClosestTitles);
    }

    internal static void AssertVerbatim(Answer answer)
    {
        var cite = answer.Citation!;
        foreach (string fragment in answer.Quote!.Split('\u2026', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.Contains(fragment, cite.PassageText);
        }

        Assert.True(answer.Quote.Replace("\u2026", "").Length <= 300, $"The quote has {answer.Quote.Length} characters.");
    }
}
