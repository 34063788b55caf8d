using BriefBot.Search.Answering;
using BriefBot.Search.Documents;
using BriefBot.Search.Index;

namespace BriefBot.Search;

/// <summary>
/// BriefBot's knowledge base: a folder of documents indexed on disk, answering questions with cited verbatim
/// quotes. Thread-safe; open one per index folder and share it.
/// </summary>
/// <example>
/// <code>
/// using var knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = "seeds", IndexFolder = "data/index" });
/// knowledge.Refresh();
/// var answer = knowledge.Ask("What did Xi pledge to send to Ukraine?");
/// </code>
/// </example>
public sealed partial class Knowledge : IDisposable
{
    private readonly KnowledgeOptions _options;
    private readonly PassageIndex _index;
    private readonly Indexer _indexer;
    private readonly Answerer _answerer;
    private readonly Links _links;
    private readonly Lock _refreshLock = new();
    private volatile IndexReport? _lastReport;

    private Knowledge(KnowledgeOptions options, PassageIndex index, string? repaired)
    {
        _options = options;
        Repaired = repaired;
        _index = index;
        _links = new Links(options.LinkBase);
        _indexer = new Indexer(index, new PassageSplitter(), options.MaxFileBytes, options.ArchiveLimits, options.Clock);
        _answerer = new Answerer(index, options.AbstainBelow, _links);
    }

    /// <summary>
    /// Opens (or creates) the index; call <see cref="Refresh"/> to bring it in line with the sources. An index that
    /// cannot be read is moved aside and an empty one opened in its place (see <see cref="Repaired"/>).
    /// </summary>
    public static Knowledge Open(KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var index = PassageIndex.Open(options.IndexFolder, options.Clock.GetUtcNow(), out string? repaired);
        return new Knowledge(options, index, repaired);
    }

    /// <summary>
    /// When <see cref="Open"/> found an index it could not read: a sentence saying why and where it was moved; the
    /// index is empty until <see cref="Refresh"/> rebuilds it from the sources. Null otherwise.
    /// </summary>
    public string? Repaired { get; }

    /// <summary>
    /// The source folder the index mirrors, as the last <see cref="Refresh"/> that wrote it recorded (any process's);
    /// null for an index no refresh has written yet.
    /// </summary>
    public string? IndexedFrom => _index.SourceFolder;

    /// <summary>
    /// Indexes new and changed files of the source folder and drops deleted ones, in one commit. Questions asked
    /// meanwhile are answered from the previous commit. A file that cannot be read is reported in the result and
    /// skipped; it never stops the refresh.
    /// </summary>
    public IndexReport Refresh(IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (_refreshLock)
        {
            var report = _indexer.Sync(_options.SourceFolder, progress, cancellationToken);
            _lastReport = report;
            return report;
        }
    }

    /// <summary>What the last refresh of this instance did (formats counted, files skipped); null before the first.</summary>
    public IndexReport? LastReport => _lastReport;

    /// <summary>Answers a question with a verbatim quote and its citation, or says that the sources do not hold it.</summary>
    public Answer Ask(string question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return Answer.Refused(question ?? "", "Ask me a question about the sources.");
        }

        if (question.Length > _options.MaxQuestionLength)
        {
            return Answer.Refused(question[.._options.MaxQuestionLength], $"Questions are limited to {_options.MaxQuestionLength} characters.");
        }

        var parsed = ParsedQuestion.Parse(_index.Analyzer, question);
        if (parsed.Terms.Count == 0)
        {
            return Answer.Refused(question, "I need a few more words to search for.");
        }

        return _answerer.Ask(question, parsed);
    }

    /// <summary>The documents in the index, by path.</summary>
    public IReadOnlyList<DocumentInfo> Documents() =>
        _index.Documents().Select(InfoOf).ToList();

    /// <summary>How many documents and passages the index holds.</summary>
    public KnowledgeStats Stats()
    {
        // Asked by every health probe: counted from the index, not by loading every document's record.
        var (documents, passages) = _index.Counts();
        return new KnowledgeStats(documents, passages, FolderMissing: !_index.IsOnDisk);
    }

    private DocumentInfo InfoOf(IndexedDocument d) =>
        new(d.Path, d.Title, _links.For(d.Path, d.Url, d.Slug), d.Passages, d.Modified, d.Indexed) { Format = d.Format };

    /// <inheritdoc />
    public void Dispose() => _index.Dispose();
}
