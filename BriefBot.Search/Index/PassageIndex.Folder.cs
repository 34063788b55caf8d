using Lucene.Net.Index;
using Lucene.Net.Store;

namespace BriefBot.Search.Index;

/// <summary>The index's folder: opening it (and starting over when it cannot be read), and what its commits record.</summary>
internal sealed partial class PassageIndex
{
    private const string SourcesKey = "briefbot.sources";

    /// <summary>The folder the index lives in.</summary>
    public string Folder { get; }

    /// <summary>Whether the folder still holds an index; false when it was deleted from under this instance.</summary>
    public bool IsOnDisk => System.IO.Directory.Exists(Folder) && DirectoryReader.IndexExists(_directory);

    /// <summary>The source folder the searched commit mirrors, as the refresh that made it recorded; null when none did.</summary>
    public string? SourceFolder => Read(searcher =>
        searcher.IndexReader is DirectoryReader reader && reader.IndexCommit.UserData.TryGetValue(SourcesKey, out string? folder) ? folder : null);

    /// <summary>
    /// Opens the index in <paramref name="folder"/>, creating an empty one when there is none. An index that cannot be
    /// read (a damaged file, a codec its files name that does not exist) is moved aside to
    /// <c>{folder}.damaged-{time}</c> and an empty one takes its place, for a refresh to fill from the sources;
    /// <paramref name="repaired"/> then says so in a sentence.
    /// </summary>
    public static PassageIndex Open(string folder, DateTimeOffset now, out string? repaired)
    {
        repaired = null;
        try
        {
            return OpenOrCreate(folder);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            // Lucene reports damaged files as IOExceptions (a header or checksum mismatch, a read past the end) and a
            // codec name that only the files can have made up as an ArgumentException. The index is derived from the
            // sources, so starting over costs only time; the old one is kept aside for a look.
            string aside = $"{Path.TrimEndingDirectorySeparator(folder)}.damaged-{now:yyyyMMdd-HHmmss}";
            System.IO.Directory.Move(folder, aside);
            string reason = ex.Message.Length > 200 ? ex.Message[..200] + "…" : ex.Message;
            repaired = $"The index in {folder} could not be read ({ex.GetType().Name}: {reason}); it was moved to {aside} and is rebuilt from the sources.";
            return OpenOrCreate(folder);
        }
    }

    private static PassageIndex OpenOrCreate(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        // Not FSDirectory.Open: on Linux it picks MMapDirectory, which in Lucene.Net 4.8 beta 17 reads a byte at a time
        // and keeps every clone of an input in a weak table, so a busy searcher spends more and more of its time in
        // the garbage collector (docs/performance.md). NIOFSDirectory reads through positional file reads.
        var directory = new NIOFSDirectory(new DirectoryInfo(folder));
        var analyzer = TextAnalysis.CreateAnalyzer();
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                using var writer = new IndexWriter(directory, WriterConfig(analyzer));
                writer.Commit();
            }

            return new PassageIndex(folder, directory, analyzer);
        }
        catch
        {
            analyzer.Dispose();
            directory.Dispose();
            throw;
        }
    }
}
