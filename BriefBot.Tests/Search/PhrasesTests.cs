using BriefBot.Search;
using BriefBot.Search.Answering;

namespace BriefBot.Tests.Search;

public sealed class PhrasesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("He was the leading portrait sculptor of his day.", 0.75)]
    [InlineData("HE WAS THE LEADING, PORTRAIT SCULPTOR", 0.75)]
    [InlineData("Sculptor, portrait, leading: the was who.", 0)]
    [InlineData("", 0)]
    public void AShareCountsTheQuestionsThreeWordRunsATextRepeatsWhateverItsCaseAndPunctuation(string text, double share)
    {
        var question = Phrases.Of("Who was the leading portrait sculptor?");

        Assert.Equal(share, Phrases.Share(question, text), 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Who won?")]
    [InlineData("🙂 🙂 🙂 🙂")]
    public void AQuestionOfFewerThanThreeWordsHasNoRunsAndSharesNothing(string question)
    {
        Assert.Equal(0, Phrases.Share(Phrases.Of(question), "Who won the cup? Who won it twice?"));
    }

    [Fact]
    public void AQuestionThatRepeatsAPassagesPhraseCitesItOverOneHoldingTheSameWordsApart()
    {
        // Both passages hold put, himself, mercy, court and a name; the second holds the words more often and ranks
        // first on words and meaning alone. The question repeats the first one's phrase.
        _folder.Write("sources/trial.md", "# The trial\n\nIn 1922 Gandhi pleaded guilty and put himself at the mercy of the court.\n");
        _folder.Write("sources/judge.md", "# The judge\n\nThe thief put himself before the court; the court showed mercy, "
            + "and Judge Ruth Alder said the court put mercy first.\n");
        _folder.Write("sources/town.md", "# The town\n\nThe town lies on a river.\n\nIts market opens on Fridays.\n\n"
            + "A railway reached it in 1870.\n\nThe mill burned down twice.\n\nMost people farm wheat and barley.\n");
        using var knowledge = SmallCorpus.Open(_folder);

        var answer = knowledge.Ask("Who put himself at the mercy of the court?");

        Assert.Equal("trial.md", answer.Citation!.Path);
    }
}
