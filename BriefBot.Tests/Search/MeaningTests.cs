using BriefBot.Search;
using BriefBot.Search.Answering.Meaning;

namespace BriefBot.Tests.Search;

public sealed class MeaningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("built", "constructed", "banana")]
    [InlineData("car", "automobile", "river")]
    [InlineData("born", "birth", "tax")]
    [InlineData("returned", "back", "purple")]
    public void WordsThatMeanAlikeHaveCloserVectorsThanWordsThatDoNot(string word, string alike, string unlike)
    {
        var vectors = WordVectors.Shared;

        float close = VectorMath.Dot(vectors.Of(word)!, vectors.Of(alike)!);
        float far = VectorMath.Dot(vectors.Of(word)!, vectors.Of(unlike)!);

        Assert.True(close > far + 0.15, $"{word}~{alike} {close:F2}, {word}~{unlike} {far:F2}");
    }

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("WARSAW", "warsaw")]
    [InlineData("Levi's", "levi's")]
    public void CaseAndAccentsDoNotChangeAWordsVector(string written, string plain)
    {
        Assert.Equal(WordVectors.Shared.Of(plain), WordVectors.Shared.Of(written));
    }

    [Theory]
    [InlineData("")]
    [InlineData("🙂")]
    [InlineData("\u0000")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public void AWordTheVocabularyCannotSpellHasNoVector(string word)
    {
        Assert.Null(WordVectors.Shared.Of(word));
    }

    [Theory]
    [InlineData("日本")]
    [InlineData("1.2")]
    [InlineData("Zelenskiy")]
    [InlineData("co-operation")]
    public void OtherScriptsNumbersAndUnseenNamesAreSpelledInPiecesToAUnitVector(string word)
    {
        var vector = WordVectors.Shared.Of(word);

        Assert.NotNull(vector);
        Assert.Equal(1f, VectorMath.Dot(vector, vector), 3);
    }

    [Fact]
    public void AQuestionInOtherWordsIsAnsweredFromThePassageThatMeansItNotTheOneThatRepeatsItsWords()
    {
        // "build" is in neither passage; the second repeats "city" and "arena" more often. Ranked on words alone (as
        // before the word vectors) the second wins; "constructed" is what the question means.
        _folder.Write("sources/history.md", "# Arena history\n\nThe arena was constructed in 1998 by the city council, paid for with "
            + "money from a local tax that voters approved after a long campaign led by the mayor and several sports clubs.\n");
        _folder.Write("sources/events.md", "# Arena events\n\nThe city arena hosted a concert in 2004 for the city, and the arena drew a "
            + "record crowd of fans who came from all over the region to hear the band play for three hours on a warm night.\n");
        using var knowledge = SmallCorpus.Open(_folder);

        var answer = knowledge.Ask("When did the city build the arena?");

        Assert.Equal("history.md", answer.Citation!.Path);
        Assert.Contains("constructed in 1998", answer.Quote);
    }
}
