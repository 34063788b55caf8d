namespace BriefBot.Search;

/// <summary>How a <see cref="Knowledge"/> base is built. Immutable once passed to <see cref="Knowledge.Open"/>.</summary>
public sealed record KnowledgeOptions
{
    /// <summary>The folder of documents (.md, .txt, .html), read recursively.</summary>
    public required string SourceFolder { get; init; }

    /// <summary>The folder holding the Lucene index; created when missing.</summary>
    public required string IndexFolder { get; init; }

    /// <summary>Answers whose confidence falls below this are abstentions. Between 0 and 1.</summary>
    public double AbstainBelow { get; init; } = 0.42;

    /// <summary>Questions longer than this many characters are refused.</summary>
    public int MaxQuestionLength { get; init; } = 2_000;

    /// <summary>Files larger than this are skipped when indexing.</summary>
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>The clock stamped on indexed documents; the system clock unless a test sets one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SourceFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(IndexFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(AbstainBelow, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AbstainBelow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQuestionLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileBytes, 1);
    }
}
