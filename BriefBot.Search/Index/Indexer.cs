using BriefBot.Search.Documents;

namespace BriefBot.Search.Index;

/// <summary>
/// Brings the index in line with a source folder: new and changed files (by content hash) are indexed, unchanged
/// ones skipped, vanished ones removed, and every file that cannot be indexed is reported with the reason. All of it
/// lands in one commit. Files are read, split and handed to the index one at a time, so a large folder never sits in
/// memory whole: Lucene flushes what it holds to disk as it goes, and only the final commit makes it visible,
/// recording the source folder it mirrors.
/// </summary>
internal sealed class Indexer(PassageIndex index, PassageSplitter splitter, long maxFileBytes, ArchiveLimits limits, TimeProvider clock)
{
    // A bad file is read again only when its bytes change: a refresh every few minutes does not parse it each time.
    private readonly Dictionary<string, (string Hash, SkippedFile Skipped)> _unreadable = new(StringComparer.Ordinal);

    public IndexReport Sync(string folder, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        long began = clock.GetTimestamp();
        // A folder deleted from under the index is rebuilt whole: the searcher still sees the old commit, but the writer
        // starts a new, empty index, and what is not written again would be gone from it.
        var known = index.IsOnDisk
            ? index.Documents().ToDictionary(d => d.Path, StringComparer.Ordinal)
            : new Dictionary<string, IndexedDocument>(StringComparer.Ordinal);
        var files = FolderSource.List(folder);
        var present = new HashSet<string>(StringComparer.Ordinal);
        var formats = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var skipped = new List<SkippedFile>();
        var warnings = new List<FileWarning>();
        int added = 0, changed = 0, unchanged = 0, passages = 0;

        IEnumerable<(SourceDocument, IReadOnlyList<Passage>)> Changes()
        {
            for (int i = 0; i < files.Count; i++)
            {
                foreach (var item in FolderSource.Items(files[i], maxFileBytes, limits))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // A file that cannot be read now keeps the version indexed before, if any: nothing is lost to a bad copy.
                    present.Add(item.RelativePath);
                    if (item.Input is not { } input)
                    {
                        skipped.Add(item.Skipped!);
                        continue;
                    }

                    if (known.TryGetValue(input.RelativePath, out var previous) && previous.Hash == input.Hash && previous.ReadWith == IndexRecords.ReadersVersion)
                    {
                        unchanged++;
                        Count(formats, previous.Format);
                        continue;
                    }

                    if (_unreadable.TryGetValue(input.RelativePath, out var bad) && bad.Hash == input.Hash)
                    {
                        skipped.Add(bad.Skipped);
                        continue;
                    }

                    var outcome = DocumentFormats.Read(input, limits);
                    if (outcome.Document is not { } document)
                    {
                        _unreadable[input.RelativePath] = (input.Hash, outcome.Skipped!);
                        skipped.Add(outcome.Skipped!);
                        continue;
                    }

                    _unreadable.Remove(input.RelativePath);
                    warnings.AddRange(outcome.Warnings.Select(w => new FileWarning(input.RelativePath, w)));
                    var split = splitter.Split(document);
                    passages += split.Count;
                    Count(formats, document.Format);
                    (added, changed) = previous is null ? (added + 1, changed) : (added, changed + 1);
                    yield return (document, split);
                }

                progress?.Report(new IndexProgress(i + 1, files.Count, files[i].RelativePath));
            }
        }

        index.Apply(Changes(), () => known.Keys.Where(path => !present.Contains(path)).ToList(), Path.GetFullPath(folder), clock.GetUtcNow());
        int removed = known.Keys.Count(path => !present.Contains(path));
        return new IndexReport(added, changed, removed, unchanged, passages, clock.GetElapsedTime(began))
        {
            Formats = formats,
            Skipped = skipped,
            Warnings = warnings,
        };
    }

    private static void Count(SortedDictionary<string, int> formats, string format) =>
        formats[format] = formats.GetValueOrDefault(format) + 1;
}
