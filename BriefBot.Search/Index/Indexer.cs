using BriefBot.Search.Documents;

namespace BriefBot.Search.Index;

/// <summary>
/// Brings the index in line with a source folder: new and changed files (by content hash) are indexed, unchanged
/// ones skipped, vanished ones removed. All of it lands in one commit.
/// </summary>
internal sealed class Indexer(PassageIndex index, PassageSplitter splitter, long maxFileBytes, TimeProvider clock)
{
    public IndexReport Sync(string folder, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        long began = clock.GetTimestamp();
        var known = index.Documents().ToDictionary(d => d.Path, StringComparer.Ordinal);
        var files = FolderSource.List(folder, maxFileBytes);
        var replace = new List<(SourceDocument, IReadOnlyList<Passage>)>();
        int added = 0, changed = 0, unchanged = 0, passages = 0;

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
                replace.Add((document, split));
                passages += split.Count;
                if (previous is null)
                {
                    added++;
                }
                else
                {
                    changed++;
                }
            }

            progress?.Report(new IndexProgress(i + 1, files.Count, file.RelativePath));
        }

        var present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var removed = known.Keys.Where(path => !present.Contains(path)).ToList();
        if (replace.Count > 0 || removed.Count > 0)
        {
            index.Apply(replace, removed, clock.GetUtcNow());
        }

        return new IndexReport(added, changed, removed.Count, unchanged, passages, clock.GetElapsedTime(began));
    }
}
