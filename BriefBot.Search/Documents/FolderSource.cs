namespace BriefBot.Search.Documents;

/// <summary>A file found in a source folder, before it is read.</summary>
internal sealed record SourceFile(string FullPath, string RelativePath, DateTimeOffset Modified, long Length);

/// <summary>One thing a source holds: the bytes of a document to read, or a file that cannot be, with the reason.</summary>
internal sealed record SourceItem(string RelativePath, DocumentInput? Input, SkippedFile? Skipped);

/// <summary>
/// Lists every file below a folder, recursively, with paths relative to it ('/' separated), and turns each into what
/// the indexer reads: its bytes (at most <c>maxFileBytes</c>, never more read), the entries of an archive, or a skip.
/// </summary>
internal static class FolderSource
{
    public static List<SourceFile> List(string folder)
    {
        var root = new DirectoryInfo(folder);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"The source folder '{folder}' does not exist.");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return root.EnumerateFiles("*", options)
            .Select(f => new SourceFile(
                f.FullName,
                Path.GetRelativePath(root.FullName, f.FullName).Replace('\\', '/'),
                new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero),
                f.Length))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<SourceItem> Items(SourceFile file, long maxFileBytes, ArchiveLimits limits)
    {
        bool archive = DocumentFormats.IsArchive(file.RelativePath);
        if (!archive && !DocumentFormats.IsSupported(file.RelativePath))
        {
            return [Skip(file.RelativePath, SkipReason.Unsupported, $"no reader for {DescribeType(file.RelativePath)} files")];
        }

        if (file.Length > maxFileBytes)
        {
            return [Skip(file.RelativePath, SkipReason.TooLarge, $"{file.Length:N0} bytes, over Search:MaxFileBytes ({maxFileBytes:N0})")];
        }

        byte[] content;
        try
        {
            content = ReadAtMost(file.FullPath, maxFileBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return [Skip(file.RelativePath, SkipReason.Corrupt, $"could not be read from disk ({ex.Message})")];
        }

        return archive
            ? Archive.Entries(file.RelativePath, content, file.Modified, maxFileBytes, limits, depth: 1)
            : [new SourceItem(file.RelativePath, new DocumentInput(file.RelativePath, content, file.Modified), null)];
    }

    public static SourceItem Skip(string path, SkipReason reason, string detail) => new(path, null, new SkippedFile(path, reason, detail));

    public static string DescribeType(string path) => Path.GetExtension(path) is { Length: > 0 } ext ? ext.ToLowerInvariant() : "extension-less";

    // A file that grows while it is read is cut off at the limit, never read whole.
    private static byte[] ReadAtMost(string path, long max)
    {
        using var stream = File.OpenRead(path);
        using var copy = new MemoryStream();
        Bounded.CopyTo(stream, copy, max);
        return copy.ToArray();
    }
}

/// <summary>Copies a stream, failing once more than a limit has come through, whatever the source claimed.</summary>
internal static class Bounded
{
    public static void CopyTo(Stream from, Stream to, long max)
    {
        byte[] buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            total += read;
            if (total > max)
            {
                throw new InvalidDataException($"more than {max:N0} bytes");
            }

            to.Write(buffer, 0, read);
        }
    }
}
