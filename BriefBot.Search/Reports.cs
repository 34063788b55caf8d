namespace BriefBot.Search;

/// <summary>What one indexing run did.</summary>
public sealed record IndexReport(int Added, int Changed, int Removed, int Unchanged, int PassagesWritten, TimeSpan Elapsed);

/// <summary>Progress of an indexing run: files looked at so far, of how many.</summary>
public sealed record IndexProgress(int Done, int Total, string CurrentPath);

/// <summary>A document in the index.</summary>
/// <param name="Path">Relative path in the source folder.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Url">A link, when the source has one.</param>
/// <param name="Passages">How many passages it was split into.</param>
/// <param name="Modified">The file's last write time.</param>
/// <param name="Indexed">When this version of the file was indexed: the time it became new or changed to BriefBot.</param>
public sealed record DocumentInfo(string Path, string Title, string? Url, int Passages, DateTimeOffset Modified, DateTimeOffset Indexed);

/// <summary>The size of the index.</summary>
/// <param name="Documents">How many documents the searched commit holds.</param>
/// <param name="Passages">How many passages they were split into.</param>
/// <param name="FolderMissing">
/// The index folder is gone (deleted while the index was open): the counts are of the commit still being searched,
/// and the next <see cref="Knowledge.Refresh"/> rebuilds the index whole.
/// </param>
public sealed record KnowledgeStats(int Documents, int Passages, bool FolderMissing = false);
