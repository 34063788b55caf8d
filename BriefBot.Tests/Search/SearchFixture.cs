using BriefBot.Search;

namespace BriefBot.Tests.Search;

/// <summary>A knowledge base over a copy of the seeds, with its index in a temp folder.</summary>
public sealed class SeedKnowledge : IDisposable
{
    private readonly TempFolder _folder = new();

    public SeedKnowledge()
    {
        string sources = _folder.Combine("sources");
        Directory.CreateDirectory(sources);
        foreach (string file in Directory.GetFiles(TestPaths.Seeds))
        {
            File.Copy(file, Path.Combine(sources, Path.GetFileName(file)));
        }

        Knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = sources, IndexFolder = _folder.Combine("index") });
        Knowledge.Refresh();
    }

    public Knowledge Knowledge { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        _folder.Dispose();
    }
}

/// <summary>A knowledge base over a handful of passages written by a test, indexed and answering everything.</summary>
public static class SmallCorpus
{
    /// <summary>
    /// Opens and indexes <c>sources/</c> of <paramref name="folder"/>, with its index beside it. It never abstains:
    /// a few passages are too few for the confidence model, which expects a real corpus.
    /// </summary>
    public static Knowledge Open(TempFolder folder)
    {
        var knowledge = Knowledge.Open(new KnowledgeOptions
        {
            SourceFolder = folder.Combine("sources"),
            IndexFolder = folder.Combine("index"),
            AbstainBelow = 0,
        });
        knowledge.Refresh();
        return knowledge;
    }
}
