using BriefBot.Search.Documents;

namespace BriefBot.Tests.Search;

/// <summary>Reads small documents made by real producers (TestData/Documents/PROVENANCE.md) and checks what a reader would.</summary>
public sealed class DocumentReaderTests
{
    public static TheoryData<string, string, string, string, string> BlockRows() => Table("Documents/blocks.tsv", 5);

    public static TheoryData<string, string, string, string, string> MetadataRows() => Table("Documents/metadata.tsv", 5);

    public static TheoryData<string> Samples() => new(["handbook.md", "handbook.docx", "handbook.pdf", "procedures.pdf", "shared-mime-info-spec.pdf", "deck.pptx", "budget.xlsx", "budget.csv", "message.eml"]);

    [Theory]
    [MemberData(nameof(BlockRows))]
    public void EachFormatGivesItsTextWithItsKindHeadingsAndLocation(string file, string kind, string headings, string location, string text)
    {
        var document = Documents.Sample(file);

        // procedures.pdf says each paragraph three times, so the block is one of those holding the text.
        var found = document.Blocks
            .Where(b => document.Text[b.Start..b.End].Contains(text, StringComparison.Ordinal) && b.Kind.ToString() == kind)
            .Select(b => (string.Join(" > ", b.HeadingPath), b.Location.Describe()))
            .ToList();
        Assert.Contains((headings, location), found);
    }

    [Theory]
    [MemberData(nameof(MetadataRows))]
    public void TheTitleDescriptionAndAuthorComeFromTheDocumentsOwnMetadata(string file, string format, string title, string description, string author)
    {
        var document = Documents.Sample(file);

        Assert.Equal(format, document.Format);
        Assert.Equal(title, document.Title);
        Assert.Equal(description, document.Metadata.Description ?? "");
        Assert.Equal(author, document.Metadata.Author ?? "");
    }

    [Fact]
    public void FrontMatterGivesTheSlugAndAliasesAndIsNeverText()
    {
        var document = Documents.Sample("handbook.md");

        Assert.Equal("operations", document.Metadata.Slug);
        Assert.Equal(["Ops handbook", "Runbook"], document.Metadata.Aliases);
        Assert.DoesNotContain("platform team deploys", document.Text);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void NoDocumentShowsMarkupAReaderDoesNotSee(string file)
    {
        string text = Documents.Sample(file).Text;
        var hidden = File.ReadAllLines(TestData.PathOf("Documents/hidden-markup.txt")).Where(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal)).ToList();

        Assert.All(file.EndsWith(".md", StringComparison.Ordinal) ? hidden : hidden.Where(h => h is "&mdash;" or "&nbsp;"), h => Assert.DoesNotContain(h, text));
    }

    [Fact]
    public void CodeBlocksKeepTheirLanguage()
    {
        var code = Assert.Single(Documents.Sample("handbook.md").Blocks, b => b.Kind == ContentKind.Code);

        Assert.Equal("bash", code.Language);
    }

    [Fact]
    public void TableRowsCarryTheirHeaderRow()
    {
        var rows = Documents.Sample("budget.xlsx").Blocks.Where(b => b.Kind == ContentKind.TableRow).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("Item | Owner | Monthly cost (EUR)", r.Header));
    }

    [Fact]
    public void RunningHeadersFootersAndPageNumbersOfAPdfAreLeftOut()
    {
        string text = Documents.Sample("procedures.pdf").Text;

        Assert.DoesNotContain("Operations procedures · internal", text);
        Assert.DoesNotContain("Page 3", text);
        Assert.Contains("investigates the misbehaving component", text);
        Assert.DoesNotContain("investi-", text);
    }

    [Fact]
    public void QuotedRepliesOfAnEmailAreNotItsText()
    {
        string text = Documents.Sample("message.eml").Text;

        Assert.DoesNotContain("Can we move it to Sunday?", text);
        Assert.Contains("month-end close", text);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryBlockAndPassageIsAVerbatimSliceOfTheDocumentText(string file)
    {
        var document = Documents.Sample(file);

        var passages = new PassageSplitter().Split(document);

        Assert.NotEmpty(passages);
        Assert.All(document.Blocks, b => Assert.InRange(b.End, b.Start + 1, document.Text.Length));
        Assert.All(passages, p => Assert.Equal(document.Text[p.Start..p.End], p.Text));
    }

    private static TheoryData<string, string, string, string, string> Table(string file, int columns)
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (string line in File.ReadAllLines(TestData.PathOf(file)).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            string[] c = [.. line.Split('\t'), .. Enumerable.Repeat("", columns)];
            data.Add(c[0], c[1], c[2], c[3], c[4]);
        }

        return data;
    }
}
