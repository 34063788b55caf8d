using BriefBot.Search.Documents;

namespace BriefBot.Search.Index;

/// <summary>
/// Brings the index in line with a source folder: new and changed files (by content hash) are indexed, unchanged
/// ones skipped, vanished ones removed. All of it lands in one commit. Files are read, split and handed to the index
/// one at a time, so a large folder never sits in memory whole: Lucene flushes what it holds to disk as it goes, and
/// only the final commit makes it visible, recording the source folder it mirrors.
/// </summary>
internal sealed class Indexer(PassageIndex index, PassageSplitter splitter, long maxFileBytes, TimeProvider clock)
{
    public IndexReport Sync(string folder, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        long began = clock.GetTimestamp();
        // A folder deleted from under the index is rebuilt whole: the searcher still sees the old commit, but the writer
        // starts a new, empty index, and what is not written again would be gone from it.
        var known = index.IsOnDisk
            ? index.Documents().ToDictionary(d => d.Path, StringComparer.Ordinal)
            : new Dictionary<string, IndexedDocument>(StringComparer.Ordinal);
        var files = FolderSource.List(folder, maxFileBytes);
        var present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(path => !present.Contains(path)).ToList();
        int added = 0, changed = 0, unchanged = 0, passages = 0;

        IEnumerable<(SourceDocument, IReadOnlyList<Passage>)> Changes()
        {
            for (int i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = files[i];
                byte[] content = File.ReadAllBytes(file.FullPath);
                string hash = DocumentFormats.Hash(content);
                if (known.TryGetValue(file.RelativePath, out var previous) && previous.Hash == hash)
                {
                    unchanged++;
                }
                else
                {
                    var document = DocumentFormats.Read(file.RelativePath, content, file.Modified);
                    var split = splitter.Split(document);
                    passages += split.Count;
                    if (previous is null)
                    {
                        added++;
                    }
                    else
                    {
                        changed++;
                    }

                    yield return (document, split);
                }

                progress?.Report(new IndexProgress(i + 1, files.Count, file.RelativePath));
            }
        }

        index.Apply(Changes(), removed, Path.GetFullPath(folder), clock.GetUtcNow());
        return new IndexReport(added, changed, removed.Count, unchanged, passages, clock.GetElapsedTime(began));
    }
}
