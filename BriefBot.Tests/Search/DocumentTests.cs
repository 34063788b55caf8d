using BriefBot.Search.Documents;

namespace BriefBot.Tests.Search;

public sealed class DocumentTests
{
    [Theory]
    [InlineData("guide.html", "Field guide to the plant")]
    [InlineData("notes.md", "Release notes")]
    [InlineData("one-paragraph-a-line_notes.txt", "One paragraph a line notes")]
    public void TheTitleComesFromTheDocumentOrElseItsFileName(string file, string title)
    {
        var document = Read(file);

        Assert.Equal(title, document.Title);
    }

    [Fact]
    public void HtmlTextLeavesOutScriptsStylesAndNavigation()
    {
        var document = Read("guide.html");

        Assert.Contains("The gamma valve must be closed", document.Text);
        Assert.Contains("four hundred litres of water & glycol", document.Text);
        Assert.DoesNotContain("do not index this script", document.Text);
        Assert.DoesNotContain("color: red", document.Text);
        Assert.DoesNotContain("About", document.Text);
        Assert.Equal("https://docs.example.com/plant/guide", document.Url);
    }

    [Theory]
    [InlineData("guide.html")]
    [InlineData("notes.md")]
    [InlineData("one-paragraph-a-line_notes.txt")]
    public void EveryPassageIsAVerbatimSliceOfItsDocumentWithAStableId(string file)
    {
        var document = Read(file);

        var passages = new PassageSplitter().Split(document);

        Assert.NotEmpty(passages);
        for (int i = 0; i < passages.Count; i++)
        {
            Assert.Equal(document.Text[passages[i].Start..passages[i].End], passages[i].Text);
            Assert.Equal($"{file}#{i}", passages[i].Id);
        }
    }

    [Fact]
    public void HeadingsNameTheSectionAndTinyParagraphsAreMerged()
    {
        var passages = new PassageSplitter().Split(Read("notes.md"));

        var version2 = Assert.Single(passages, p => p.SectionUnder("Release notes") == "Version 2");
        Assert.Contains("adds digests", version2.Text);
        Assert.Contains("long questions", version2.Text);
        Assert.Contains(passages, p => p.SectionUnder("Release notes") == "Version 3" && p.Text.Contains("rephrasing"));
        Assert.DoesNotContain(passages, p => p.Text.StartsWith('#'));
    }

    [Theory]
    [InlineData("Built in 1901.[citation needed][original research?] It stands.", "Built in 1901.[citation needed][original research?] It stands.")]
    [InlineData("See the [guide][g] and **bold** text &amp; `code`.\n\n[g]: https://example.com", "See the guide and bold text & code.")]
    public void MarkdownReadsAsItsRenderedTextWithBracketsThatOpenNoLinkKept(string markdown, string text)
    {
        var document = Documents.Read("page.md", System.Text.Encoding.UTF8.GetBytes("# Page\n\n" + markdown));

        Assert.Equal("Page\n\n" + text, document.Text);
    }

    [Fact]
    public void PlainTextWithOneParagraphALineIsSplitAtTheLines()
    {
        var passages = new PassageSplitter(minChars: 50).Split(Read("one-paragraph-a-line_notes.txt"));

        Assert.Equal(2, passages.Count);
        Assert.StartsWith("The second paragraph", passages[1].Text);
    }

    [Fact]
    public void AHugeParagraphIsCutAtSentenceBoundaries()
    {
        string sentence = "The reactor hall is inspected by two engineers every single morning before the first shift starts. ";
        string text = string.Concat(Enumerable.Repeat(sentence, 60)).TrimEnd();
        var document = Documents.Read("huge.txt", System.Text.Encoding.UTF8.GetBytes(text));

        var passages = new PassageSplitter(maxChars: 1500).Split(document);

        Assert.True(passages.Count > 3);
        Assert.All(passages, p => Assert.InRange(p.Text.Length, 1, 1500));
        Assert.All(passages, p => Assert.EndsWith("starts.", p.Text));
    }

    private static SourceDocument Read(string file) => Documents.Read(file, File.ReadAllBytes(TestData.PathOf(Path.Combine("Search", "documents", file))));
}
