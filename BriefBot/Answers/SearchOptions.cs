using System.ComponentModel.DataAnnotations;
using BriefBot.Search;

namespace BriefBot.Answers;

/// <summary>The "Search" configuration section: where documents come from and how answers are judged.</summary>
internal sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The folder of documents; the bundled seeds when unset.</summary>
    public string? Sources { get; set; }

    [Required]
    public string IndexFolder { get; set; } = "data/index";

    [Range(0.0, 1.0)]
    public double AbstainBelow { get; set; } = 0.42;

    [Range(1, 10_000)]
    public int MaxQuestionLength { get; set; } = 2_000;

    /// <summary>Files larger than this are reported and skipped, never read.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Where the source folder is published (https://…/), for links in citations; unset: no links but the documents' own.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How often a running host reads the sources again for new, changed and deleted files; zero: only at start.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The source folder to index: the configured one, else the seeds shipped beside the program.</summary>
    public string SourceFolder => Path.GetFullPath(string.IsNullOrWhiteSpace(Sources) ? Path.Combine(AppContext.BaseDirectory, "seeds") : Sources);

    public KnowledgeOptions ToKnowledgeOptions(TimeProvider clock) => new()
    {
        SourceFolder = SourceFolder,
        IndexFolder = Path.GetFullPath(IndexFolder),
        AbstainBelow = AbstainBelow,
        MaxQuestionLength = MaxQuestionLength,
        MaxFileBytes = MaxFileBytes,
        BaseUrl = BaseUrl,
        Clock = clock,
    };
}
