using System.IO.Compression;
using BriefBot.Search;

namespace BriefBot.Tests.Search;

/// <summary>
/// A folder mixing every format with every kind of bad file: each good file is indexed, each bad one reported with
/// its reason, and none stops the refresh.
/// </summary>
public sealed class EveryFileAccountedForTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public EveryFileAccountedForTests() => MixedFolder.Fill(_folder.Combine("sources"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void GoodFilesAreIndexedAndEveryBadOneIsReportedWithItsReason()
    {
        using var knowledge = Knowledge.Open(new KnowledgeOptions
        {
            SourceFolder = _folder.Combine("sources"),
            IndexFolder = _folder.Combine("index"),
            MaxFileBytes = 5 * 1024 * 1024,
        });

        var report = knowledge.Refresh();

        var expected = TestData.Rows("Documents/skipped.tsv").Select(r => ((string)r[0], (string)r[1])).OrderBy(r => r.Item1, StringComparer.Ordinal);
        Assert.Equal(expected, report.Skipped.Select(s => (s.Path, s.Reason.ToString())).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.Equal(
            new Dictionary<string, int> { ["csv"] = 3, ["docx"] = 1, ["email"] = 1, ["markdown"] = 2, ["pdf"] = 2, ["pptx"] = 1, ["text"] = 1, ["xlsx"] = 1 },
            report.Formats);
        Assert.Equal(12, knowledge.Stats().Documents);
        Assert.Contains(report.Skipped, s => s.Detail.Contains("Search:MaxFileBytes", StringComparison.Ordinal));
        Assert.Contains("rsync", knowledge.Ask("How do we copy a release to the web hosts?").Quote);
    }

    [Fact]
    public void AnArchivesDocumentsAreIndexedAtTheirPathInsideIt()
    {
        using var knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = _folder.Combine("sources"), IndexFolder = _folder.Combine("index") });

        knowledge.Refresh();

        Assert.Contains(knowledge.Documents(), d => d.Path == "archives/bundle.zip/handbook.md" && d.Format == "markdown");
        Assert.Contains(knowledge.Documents(), d => d.Path == "archives/nested.zip/inner.zip/budget.csv");
    }

    [Fact]
    public void AnUnchangedBadFileIsReportedAgainWithoutBeingReadAgainAndKeepsNothingOut()
    {
        using var knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = _folder.Combine("sources"), IndexFolder = _folder.Combine("index"), MaxFileBytes = 5 * 1024 * 1024 });

        var first = knowledge.Refresh();
        var second = knowledge.Refresh();

        Assert.Equal(first.Skipped.Select(s => s.Path), second.Skipped.Select(s => s.Path));
        Assert.Equal(0, second.Added + second.Changed + second.Removed);
        Assert.Equal(12, second.Unchanged);
    }
}

/// <summary>The mixed folder: the committed real-producer samples and bad files, and bad files made here.</summary>
internal static class MixedFolder
{
    public static void Fill(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "bad"));
        Directory.CreateDirectory(Path.Combine(folder, "archives"));
        string samples = TestData.PathOf("Documents");
        foreach (string file in new[] { "handbook.md", "handbook.docx", "handbook.pdf", "procedures.pdf", "deck.pptx", "budget.xlsx", "budget.csv", "message.eml" })
        {
            File.Copy(Path.Combine(samples, file), Path.Combine(folder, file));
        }

        foreach (string file in Directory.GetFiles(Path.Combine(samples, "bad")))
        {
            File.Copy(file, Path.Combine(folder, "bad", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "The quarterly review is on the first Monday of April.");
        File.Copy(Path.Combine(samples, "bundle.zip"), Path.Combine(folder, "archives", "bundle.zip"));
        Nested(Path.Combine(folder, "archives", "nested.zip"), Path.Combine(samples, "budget.csv"));
        Bomb(Path.Combine(folder, "archives", "bomb.zip"));
        File.WriteAllBytes(Path.Combine(folder, "bad", "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        File.WriteAllBytes(Path.Combine(folder, "bad", "latin1.md"), [.. "# Caf"u8, 0xE9, .. "\n\nMen\u00fc"u8]);
        File.WriteAllBytes(Path.Combine(folder, "bad", "empty.md"), []);
        File.WriteAllText(Path.Combine(folder, "bad", "photo.png"), "not read");
        using (var huge = File.Create(Path.Combine(folder, "bad", "huge.pdf")))
        {
            huge.SetLength(2L * 1024 * 1024 * 1024); // sparse: 2 GB to the file system, nothing written
        }
    }

    // An archive holding an archive holding a CSV, and a third level that the nesting limit refuses.
    private static void Nested(string path, string csv)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var inner = new MemoryStream();
        using (var innerZip = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
        {
            innerZip.CreateEntryFromFile(csv, "budget.csv");
            var third = innerZip.CreateEntry("deeper.zip").Open();
            using (var deeper = new ZipArchive(third, ZipArchiveMode.Create))
            {
                using var w = new StreamWriter(deeper.CreateEntry("deep.md").Open());
                w.Write("# Deep\n\nToo deep to read.");
            }
        }

        using var entry = zip.CreateEntry("inner.zip").Open();
        entry.Write(inner.ToArray());
    }

    // 50 MB of zeros in a few dozen kilobytes: a ratio far over the limit.
    private static void Bomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("zeros.txt", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (int i = 0; i < 50; i++)
        {
            entry.Write(zeros);
        }
    }
}
