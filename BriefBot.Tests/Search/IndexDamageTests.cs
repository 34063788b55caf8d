using System.Text;
using BriefBot.Search;

namespace BriefBot.Tests.Search;

/// <summary>
/// A damaged index: one that cannot be read is moved aside and rebuilt from the sources, saying so; a folder deleted
/// while the index is open is reported missing, and the next refresh rebuilds it whole.
/// </summary>
public sealed class IndexDamageTests : IDisposable
{
    private const string Alpha = "# Alpha\n\nThe alpha reactor runs on molten salt at seven hundred degrees.";
    private const string Beta = "The beta telescope looks at distant quasars every clear night.";
    private readonly TempFolder _folder = new();

    private string IndexFolder => _folder.Combine("index");

    [Theory]
    [InlineData("a codec name no one knows")]
    [InlineData("a segments file cut short")]
    [InlineData("a segment info file overwritten")]
    public void AnIndexThatCannotBeReadIsMovedAsideAndRebuiltFromTheSources(string damage)
    {
        Write("a.md", Alpha);
        Write("b.txt", Beta);
        using (var first = Open())
        {
            first.Refresh();
        }

        Damage(damage);

        using var knowledge = Open();
        var moved = Assert.Single(Directory.GetDirectories(_folder.Path, "index.damaged-*"));
        Assert.Equal($"The index in {IndexFolder} could not be read", knowledge.Repaired![..(IndexFolder.Length + 31)]);
        Assert.Contains($"it was moved to {moved} and is rebuilt from the sources.", knowledge.Repaired);
        Assert.Equal(0, knowledge.Stats().Documents);
        Assert.Equal(2, knowledge.Refresh().Added);
        Assert.Contains("molten salt", knowledge.Ask("What does the alpha reactor run on?").Quote);
    }

    [Fact]
    public void AnIndexFolderDeletedWhileOpenIsReportedMissingAndTheNextRefreshRebuildsItWhole()
    {
        Write("a.md", Alpha);
        Write("b.txt", Beta);
        using var knowledge = Open();
        knowledge.Refresh();

        Directory.Delete(IndexFolder, recursive: true);
        Write("a.md", "# Alpha\n\nThe alpha reactor was rebuilt to run on liquid sodium instead.");

        Assert.True(knowledge.Stats().FolderMissing);
        var report = knowledge.Refresh();
        Assert.Equal((2, 0, 0), (report.Added, report.Changed, report.Unchanged));
        Assert.Equal(new KnowledgeStats(2, knowledge.Stats().Passages, FolderMissing: false), knowledge.Stats());
        Assert.Contains("liquid sodium", knowledge.Ask("What does the alpha reactor run on?").Quote);
        Assert.Contains("quasars", knowledge.Ask("What does the beta telescope look at?").Quote);
        using var reopened = Open();
        Assert.Equal(2, reopened.Stats().Documents);
    }

    private void Damage(string how)
    {
        string segments = Directory.GetFiles(IndexFolder, "segments_*").Single();
        switch (how)
        {
            case "a codec name no one knows":
                byte[] bytes = File.ReadAllBytes(segments);
                int at = IndexOf(bytes, Encoding.ASCII.GetBytes("Lucene46"));
                Encoding.ASCII.GetBytes("Lucene99").CopyTo(bytes, at);
                File.WriteAllBytes(segments, bytes);
                break;
            case "a segments file cut short":
                File.WriteAllBytes(segments, File.ReadAllBytes(segments)[..24]);
                break;
            default:
                foreach (string info in Directory.GetFiles(IndexFolder, "*.si"))
                {
                    File.WriteAllBytes(info, Encoding.ASCII.GetBytes(new string('x', 100)));
                }

                break;
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length).First(i => haystack.AsSpan(i, needle.Length).SequenceEqual(needle));

    private Knowledge Open() => Knowledge.Open(new KnowledgeOptions { SourceFolder = _folder.Combine("sources"), IndexFolder = IndexFolder });

    private void Write(string name, string text) => _folder.Write(Path.Combine("sources", name), text);

    public void Dispose() => _folder.Dispose();
}
