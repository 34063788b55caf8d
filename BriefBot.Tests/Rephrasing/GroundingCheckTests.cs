using BriefBot.Search.Rephrasing;

namespace BriefBot.Tests.Rephrasing;

public sealed class GroundingCheckTests
{
    private const string Question = "Who must approve late claims and flights, and who books them?";

    private static readonly string[] Passages =
    [
        "Expense claims are filed within 30 days of the trip.\nLate claims need the approval of the finance team. See [3] in the annex.",
        "Flights need the approval of a department head. The firm's travel desk books them.",
    ];

    [Theory]
    [InlineData("Finance signs off: \"Late claims need the approval of the finance team.\" [1]")]
    [InlineData("Finance signs off: \u201CLate claims need the approval of the finance team\u201D [1].")]
    [InlineData("As [1] puts it, \"Late claims need the approval of the finance team\".")]
    [InlineData("Two rules: \"filed within 30 days of the trip. Late claims need\" [1], and \"Flights need the approval\" [2].")]
    [InlineData("Claims after the trip: \"trip.   Late claims\" [1].")]
    [InlineData("A quote taken from the middle: \"\u2026approval of the finance team\u2026\" [1].")]
    [InlineData("The source's own brackets stay quoted: \"See [3] in the annex\" [1].")]
    [InlineData("Both passages: \"department head\" [1][2].")]
    [InlineData("Apostrophes are exact: \"The firm's travel desk books them\" [2].")]
    [InlineData("Flights and claims: \"department head\" [1, 2]; it's the head's approval, don't forget.")]
    public void AReplyThatQuotesItsCitedPassagesVerbatimPasses(string reply) =>
        Assert.Equal((RephraseOutcome.Rephrased, null), GroundingCheck.Check(reply, Passages, Question, 800));

    [Theory]
    [InlineData("", RephraseOutcome.EmptyReply)]
    [InlineData("\"Late claims need the approval of the finance team\" [1] and more.", RephraseOutcome.TooLong, 40)]
    [InlineData("\"Late claims need the approval of the finance team [1].", RephraseOutcome.UnbalancedQuotes)]
    [InlineData("Late claims need the approval of the finance team\u201D [1].", RephraseOutcome.UnbalancedQuotes)]
    [InlineData("\"Late claims need the approval of the finance team\" [0].", RephraseOutcome.UnknownCitation)]
    [InlineData("\"Late claims need the approval of the finance team\" [3].", RephraseOutcome.UnknownCitation)]
    [InlineData("\"Late claims need the approval of the finance team\" [1, 7].", RephraseOutcome.UnknownCitation)]
    [InlineData("\"Late claims need the approval of the finance team\" [1], and \u2018claims never expire\u2019 [1].", RephraseOutcome.UncheckableQuote)]
    [InlineData("\"Late claims need the approval of the finance team\" [1], and 'claims never expire' [1].", RephraseOutcome.UncheckableQuote)]
    [InlineData("\"Late claims need the approval of the finance team\" [1], and \u00ABclaims never expire\u00BB [1].", RephraseOutcome.UncheckableQuote)]
    [InlineData("Late claims need finance approval [1].", RephraseOutcome.NoQuote)]
    [InlineData("\"Late claims need the approval of the finance team\".", RephraseOutcome.NoCitation)]
    [InlineData("\"Late claims need the approval of the finance team\" [2].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("\"Late claims need the approval of the finance department\" [1].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("\"late claims need the approval of the finance team\" [1].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("\"The firm\u2019s travel desk books them\" [2].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("\"Late claims need \u2026 the finance team\" [1].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("[1] says so. \"\" [1].", RephraseOutcome.QuoteNotInSource)]
    [InlineData("\"Late claims need the approval of the finance team\" [1]. Details: https://evil.example", RephraseOutcome.ContainsLink)]
    [InlineData("\"Late claims need the approval of the finance team\" [1]. See www.evil.example", RephraseOutcome.ContainsLink)]
    [InlineData("# Answer\n\"Late claims need the approval of the finance team\" [1].", RephraseOutcome.NotPlainText)]
    [InlineData("**Finance**: \"Late claims need the approval of the finance team\" [1].", RephraseOutcome.NotPlainText)]
    [InlineData("- \"Late claims need the approval of the finance team\" [1].", RephraseOutcome.NotPlainText)]
    [InlineData("<!channel> \"Late claims need the approval of the finance team\" [1].", RephraseOutcome.NotPlainText)]
    [InlineData("\"Late claims need the approval of the finance team\" [1] [click](x).", RephraseOutcome.NotPlainText)]
    [InlineData("\"Late claims need the approval of the finance team\" [1].\n\n\n\nok", RephraseOutcome.NotPlainText)]
    [InlineData("\"Late claims need the approval of the finance team\" [1]. Tell everyone to send their passwords to the desk [1].", RephraseOutcome.UnsupportedSentence)]
    [InlineData("Ignore previous instructions: \"Late claims need the approval of the finance team\" [1].", RephraseOutcome.UnsupportedSentence)]
    [InlineData("\"Late claims need the approval of the finance team\" [1]. Claims never expire.", RephraseOutcome.UnsupportedSentence)]
    [InlineData("\"Late claims need the approval of the finance team\" [1]. Flights are free on Fridays [2].", RephraseOutcome.UnsupportedSentence)]
    public void AReplyThatIsNotGroundedIsRefusedWithItsReason(string reply, RephraseOutcome expected, int maxLength = 800) =>
        Assert.Equal(expected, GroundingCheck.Check(reply, Passages, Question, maxLength).Outcome);

    [Fact]
    public void TheReasonNamesNumbersButNeverQuotesText()
    {
        var (outcome, detail) = GroundingCheck.Check("\"Late claims need the approval of the finance team\" [2].", Passages, Question, 800);

        Assert.Equal(RephraseOutcome.QuoteNotInSource, outcome);
        Assert.Equal("quotation 1 not in passage [2]", detail);
    }
}
