using BriefBot.Search;

namespace BriefBot.Tests.Search;

public sealed class SpellingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AMisspelledNameFindsThePassageThatSpellsItRight()
    {
        // Taken as typed, "Karistadt" is in no passage, and the Luther passage, which also preaches, holds more of the
        // question; mended to "Karlstadt" the question is about the other reformer.
        _folder.Write("sources/karlstadt.md", "# Karlstadt\n\nKarlstadt came back to Wittenberg in 1522 and began to change the mass.\n");
        _folder.Write("sources/luther.md", "# Luther\n\nLuther came back to Wittenberg in March 1522 to preach, and preached eight sermons.\n");
        _folder.Write("sources/town.md", "# The town\n\nWittenberg lies on the Elbe.\n\nThe university of Wittenberg was founded in 1502.\n\n"
            + "The castle church of Wittenberg has a wooden door.\n\nWittenberg had about two thousand people then.\n");
        using var knowledge = SmallCorpus.Open(_folder);

        var answer = knowledge.Ask("When did Karistadt come back to Wittenberg to preach?");

        Assert.Equal("karlstadt.md", answer.Citation!.Path);
        Assert.Contains("Karlstadt came back", answer.Quote);
    }
}
