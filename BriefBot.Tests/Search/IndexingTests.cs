using BriefBot.Search;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using Lucene.Net.Util;

namespace BriefBot.Tests.Search;

public sealed class IndexingTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _sources;

    public IndexingTests() => _sources = _folder.Combine("sources");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AnUnchangedFolderIsSkippedOnTheNextRefresh()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        Write("b.txt", "The beta telescope looks at distant quasars every clear night.");
        using var knowledge = Open();

        var first = knowledge.Refresh();
        var second = knowledge.Refresh();

        Assert.Equal((2, 0, 0, 0), (first.Added, first.Changed, first.Removed, first.Unchanged));
        Assert.Equal((0, 0, 0, 2), (second.Added, second.Changed, second.Removed, second.Unchanged));
        Assert.Equal(0, second.PassagesWritten);
    }

    [Fact]
    public void ARefreshThatFindsNothingNewWritesNoCommit()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var knowledge = Open();
        knowledge.Refresh();
        var commits = Directory.GetFiles(_folder.Combine("index"), "segments_*").Order().ToList();

        knowledge.Refresh();

        Assert.Equal(commits, Directory.GetFiles(_folder.Combine("index"), "segments_*").Order().ToList());
    }

    [Fact]
    public void AChangedFileReplacesItsOldPassages()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var knowledge = Open();
        knowledge.Refresh();

        Write("a.md", "# Alpha\n\nThe alpha reactor was rebuilt to run on liquid sodium instead.");
        var report = knowledge.Refresh();

        Assert.Equal(1, report.Changed);
        Assert.Contains("liquid sodium", knowledge.Ask("What does the alpha reactor run on?").Quote);
        Assert.Equal(1, knowledge.Stats().Documents);
        Assert.Equal(AnswerStatus.NotFound, knowledge.Ask("What temperature does molten salt reach?").Status);
    }

    [Fact]
    public void AfterARefreshTheSameQuestionQuotesTheNewTextNotWhatWasReadBefore()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var knowledge = Open();
        knowledge.Refresh();
        Assert.Contains("molten salt", knowledge.Ask("What does the alpha reactor run on?").Quote);

        Write("a.md", "# Alpha\n\nThe alpha reactor was rebuilt to run on liquid sodium instead.");
        knowledge.Refresh();

        var answer = knowledge.Ask("What does the alpha reactor run on?");
        Assert.Contains("liquid sodium", answer.Quote);
        Assert.Equal(answer.Citation!.PassageText, Documents.TextOf(_folder.Combine("sources/a.md"), "a.md")[answer.Citation.PassageStart..answer.Citation.PassageEnd]);
    }

    [Fact]
    public void ADeletedFileIsRemovedFromTheIndex()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        Write("sub/b.txt", "The beta telescope looks at distant quasars every clear night.");
        using var knowledge = Open();
        knowledge.Refresh();

        File.Delete(Path.Combine(_sources, "sub", "b.txt"));
        var report = knowledge.Refresh();

        Assert.Equal(1, report.Removed);
        Assert.Equal(["a.md"], knowledge.Documents().Select(d => d.Path));
        Assert.Equal(AnswerStatus.NotFound, knowledge.Ask("What does the beta telescope look at?").Status);
    }

    [Fact]
    public void AnAddedFileInASubfolderIsFoundWithItsRelativePath()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var knowledge = Open();
        knowledge.Refresh();

        Write("deep/er/c.html", "<html><head><title>Gamma guide</title></head><body><p>The gamma valve must be closed before every shutdown of the plant.</p></body></html>");
        var report = knowledge.Refresh();

        Assert.Equal(1, report.Added);
        var answer = knowledge.Ask("What must be closed before a shutdown?");
        Assert.Equal("deep/er/c.html", answer.Citation?.Path);
        Assert.Equal("Gamma guide", answer.Citation?.Title);
    }

    [Fact]
    public void TheIndexOutlivesTheProcessThatBuiltIt()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using (var first = Open())
        {
            first.Refresh();
        }

        using var second = Open();
        Assert.Equal(1, second.Stats().Documents);
        Assert.Contains("molten salt", second.Ask("What does the alpha reactor run on?").Quote);
        Assert.Equal(1, second.Refresh().Unchanged);
    }

    [Fact]
    public async Task ARunningKnowledgeAnswersFromACommitAnotherProcessMadeWithinAboutASecond()
    {
        // Two instances over one index folder stand for `serve` and an `index` run beside it.
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var serving = Open();
        serving.Refresh();
        Assert.Contains("molten salt", serving.Ask("What does the alpha reactor run on?").Quote);

        Write("a.md", "# Alpha\n\nThe alpha reactor was rebuilt to run on liquid sodium instead.");
        using (var indexing = Open())
        {
            Assert.Equal(1, indexing.Refresh().Changed);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? quote = serving.Ask("What does the alpha reactor run on?").Quote;
        while (quote?.Contains("liquid sodium") != true && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(100);
            quote = serving.Ask("What does the alpha reactor run on?").Quote;
        }

        Assert.Contains("liquid sodium", quote);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void ACancelledRefreshLeavesTheLastCommitAnswering()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var knowledge = Open();
        knowledge.Refresh();
        Write("a.md", "# Alpha\n\nThe alpha reactor was rebuilt to run on liquid sodium instead.");

        Assert.ThrowsAny<OperationCanceledException>(() => knowledge.Refresh(cancellationToken: new CancellationToken(canceled: true)));

        Assert.Contains("molten salt", knowledge.Ask("What does the alpha reactor run on?").Quote);
        Assert.Equal(1, knowledge.Refresh().Changed);
    }

    [Fact]
    public void ARefreshWhileAnotherWriterHoldsTheIndexFailsWithASentenceAndTheLastCommitStillAnswers()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var knowledge = Open();
        knowledge.Refresh();
        Write("a.md", "# Alpha\n\nThe alpha reactor was rebuilt to run on liquid sodium instead.");

        using (var other = new IndexWriter(
            FSDirectory.Open(_folder.Combine("index")), new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))))
        {
            var error = Assert.Throws<IOException>(() => knowledge.Refresh());

            Assert.Contains("being written by another process", error.Message);
            Assert.Contains("molten salt", knowledge.Ask("What does the alpha reactor run on?").Quote);
        }

        Assert.Equal(1, knowledge.Refresh().Changed);
    }

    [Fact]
    public void AnIndexedDocumentRecordsWhenItsVersionWasIndexed()
    {
        Write("a.md", "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.");
        using var knowledge = Open();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        knowledge.Refresh();

        var document = Assert.Single(knowledge.Documents());
        Assert.Equal("Alpha", document.Title);
        Assert.InRange(document.Indexed, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    private Knowledge Open() => Knowledge.Open(new KnowledgeOptions { SourceFolder = _sources, IndexFolder = _folder.Combine("index") });

    private void Write(string relative, string content) => _folder.Write(Path.Combine("sources", relative), content);
}
