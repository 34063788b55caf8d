using BriefBot.Search.Documents;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace BriefBot.Search.Index;

/// <summary>
/// The Lucene index on disk. Writers change it in one commit per batch, so a crash leaves the last commit in
/// place; readers search through a <see cref="SearcherManager"/> and always see a whole commit, their own process's
/// at once and another's (an <c>index</c> run beside a running host) within a second.
/// </summary>
internal sealed partial class PassageIndex : IDisposable
{
    private const long OtherCommitsCheckMs = 1_000;
    private readonly FSDirectory _directory;
    private volatile SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();
    private long _nextOtherCommitsCheck;

    private PassageIndex(string folder, FSDirectory directory, Analyzer analyzer)
    {
        Folder = folder;
        _directory = directory;
        Analyzer = analyzer;
        _searchers = new SearcherManager(directory, new Bm25SearcherFactory());
    }

    public Analyzer Analyzer { get; }

    /// <summary>
    /// Applies replacements and removals in a single commit, then shows it to readers; <paramref name="replace"/> is
    /// read once, as it goes, so it may produce its documents lazily, and <paramref name="remove"/> is asked for after
    /// it, so that what to remove may depend on what was read. Nothing to change writes no commit.
    /// </summary>
    public void Apply(
        IEnumerable<(SourceDocument Document, IReadOnlyList<Passage> Passages)> replace, Func<IEnumerable<string>> remove, string sourceFolder, DateTimeOffset now)
    {
        lock (_writeLock)
        {
            bool wasMissing = !IsOnDisk;
            using (var writer = OpenWriter())
            {
                try
                {
                    foreach (var (document, passages) in replace)
                    {
                        writer.DeleteDocuments(new Term(FieldNames.Path, document.RelativePath));
                        writer.AddDocument(IndexRecords.DocumentRecord(document, passages.Count, now));
                        foreach (var passage in passages)
                        {
                            writer.AddDocument(IndexRecords.PassageRecord(document, passage));
                        }
                    }

                    foreach (string path in remove())
                    {
                        writer.DeleteDocuments(new Term(FieldNames.Path, path));
                    }

                    if (writer.HasUncommittedChanges() || SourceFolder != sourceFolder)
                    {
                        writer.SetCommitData(new Dictionary<string, string> { [SourcesKey] = sourceFolder });
                        writer.Commit();
                    }
                }
                catch
                {
                    // Closing a writer commits what it holds; a failed batch must leave the last commit as it was.
                    writer.Rollback();
                    throw;
                }
            }

            if (wasMissing)
            {
                // The new index reuses segment names of the deleted one: refreshing the old readers would keep their
                // segments for the new ones of the same name. Readers start over on the new commit instead.
                var stale = _searchers;
                _searchers = new SearcherManager(_directory, new Bm25SearcherFactory());
                stale.Dispose();
            }
            else
            {
                _searchers.MaybeRefreshBlocking();
            }
        }
    }

    // Lucene lets one writer at a time hold an index; another process's (a host refreshing its sources, an `index`
    // run) makes this one wait a second, then fail with a sentence saying so instead of Lucene's lock name.
    private IndexWriter OpenWriter()
    {
        try
        {
            return new IndexWriter(_directory, WriterConfig(Analyzer));
        }
        catch (LockObtainFailedException ex)
        {
            throw new IOException(
                $"The index in {_directory.Directory.FullName} is being written by another process (BriefBot refreshing its sources, or "
                + "another 'index' run); try again when it has finished.", ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> against one consistent snapshot of the index.</summary>
    public T Read<T>(Func<IndexSearcher, T> work)
    {
        PickUpOtherCommits();
        var searchers = _searchers;
        IndexSearcher searcher;
        try
        {
            searcher = searchers.Acquire();
        }
        catch (ObjectDisposedException) when (searchers != _searchers)
        {
            return Read(work); // replaced after the folder was rebuilt, between the two lines above
        }

        try
        {
            return work(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // At most once a second, one reader looks for a newer commit than the one it searches, which only another process
    // can have made (this one's writers refresh the readers themselves), and opens it if there is one.
    private void PickUpOtherCommits()
    {
        long now = Environment.TickCount64;
        long due = Interlocked.Read(ref _nextOtherCommitsCheck);
        if (now < due || Interlocked.CompareExchange(ref _nextOtherCommitsCheck, now + OtherCommitsCheckMs, due) != due)
        {
            return;
        }

        try
        {
            _searchers.MaybeRefresh();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // A commit being written or pruned as it was looked at, or the readers replaced after a rebuild: the current
            // snapshot stays, the next check retries.
        }
    }

    public IReadOnlyList<IndexedDocument> Documents() => Read(searcher =>
    {
        var query = new TermQuery(new Term(FieldNames.Kind, FieldNames.DocumentKind));
        int count = Math.Max(1, searcher.IndexReader.NumDocs);
        return searcher.Search(query, count).ScoreDocs
            .Select(hit => IndexRecords.ToIndexedDocument(searcher.Doc(hit.Doc)))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ToList();
    });

    /// <summary>How many documents and passages the current commit holds, counted without loading any of them.</summary>
    public (int Documents, int Passages) Counts() => Read(searcher => (
        searcher.Search(new TermQuery(new Term(FieldNames.Kind, FieldNames.DocumentKind)), 1).TotalHits,
        searcher.Search(new TermQuery(new Term(FieldNames.Kind, FieldNames.PassageKind)), 1).TotalHits));

    /// <summary>The record of one document, or null when the index has no document at that path.</summary>
    public IndexedDocument? Document(string path) => Read(searcher =>
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(FieldNames.Kind, FieldNames.DocumentKind)), Occur.MUST },
            { new TermQuery(new Term(FieldNames.Path, path)), Occur.MUST },
        };
        var hit = searcher.Search(query, 1).ScoreDocs.FirstOrDefault();
        return hit is null ? null : IndexRecords.ToIndexedDocument(searcher.Doc(hit.Doc));
    });

    public void Dispose()
    {
        _searchers.Dispose();
        Analyzer.Dispose();
        _directory.Dispose();
    }

    private static IndexWriterConfig WriterConfig(Analyzer analyzer) => new(TextAnalysis.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        Similarity = new BM25Similarity(),
        RAMBufferSizeMB = 64,
    };

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) =>
            new(reader) { Similarity = new BM25Similarity() };
    }
}
