using BriefBot.Search.Text;

namespace BriefBot.Tests.Search;

public sealed class SentenceSplitterTests
{
    public static TheoryData<string, string> Cases() => TestData.Rows("Search/sentences.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void SentencesEndAtTerminatorsButNotAtAbbreviationsInitialsOrNumbers(string text, string expected)
    {
        var sentences = SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]);

        Assert.Equal(expected.Split(" | "), sentences);
    }
}
