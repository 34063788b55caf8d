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
