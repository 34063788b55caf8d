using System.IO.Compression;

namespace BriefBot.Search.Documents;

/// <summary>
/// The entries of a ZIP archive as documents, each at "archive.zip/path/inside"; within the limits on entry count,
/// total and per-entry uncompressed size, compression ratio and nesting, counted on the bytes really unpacked, not
/// only on what the archive's directory claims.
/// </summary>
internal static class Archive
{
    public static IEnumerable<SourceItem> Entries(string path, byte[] content, DateTimeOffset modified, long maxFileBytes, ArchiveLimits limits, int depth)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            return [FolderSource.Skip(path, SkipReason.Corrupt, $"not a readable ZIP archive ({ex.Message})")];
        }

        if (limits.Violation(zip.Entries, content.Length) is { } violation)
        {
            zip.Dispose();
            return [FolderSource.Skip(path, SkipReason.ArchiveLimit, violation)];
        }

        return Read(zip, path, modified, maxFileBytes, limits, depth);
    }

    private static IEnumerable<SourceItem> Read(ZipArchive zip, string path, DateTimeOffset modified, long maxFileBytes, ArchiveLimits limits, int depth)
    {
        using (zip)
        {
            long budget = limits.MaxTotalBytes;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                string inner = $"{path}/{Clean(entry.FullName)}";
                bool nested = DocumentFormats.IsArchive(inner);
                if (!nested && !DocumentFormats.IsSupported(inner))
                {
                    yield return FolderSource.Skip(inner, SkipReason.Unsupported, $"no reader for {FolderSource.DescribeType(inner)} files");
                    continue;
                }

                if (nested && depth >= limits.MaxNesting)
                {
                    yield return FolderSource.Skip(inner, SkipReason.ArchiveLimit, $"an archive nested {depth + 1} deep, over the limit of {limits.MaxNesting}");
                    continue;
                }

                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxRatio)
                {
                    yield return FolderSource.Skip(inner, SkipReason.ArchiveLimit, $"compressed {entry.Length / entry.CompressedLength}:1, over the limit of {limits.MaxRatio}:1");
                    continue;
                }

                var (bytes, problem) = Unpack(entry, Math.Min(maxFileBytes, budget));
                if (bytes is null)
                {
                    yield return FolderSource.Skip(inner, problem!.Value.Reason, problem.Value.Detail);
                    continue;
                }

                budget -= bytes.Length;
                var when = entry.LastWriteTime == default ? modified : entry.LastWriteTime;
                if (nested)
                {
                    foreach (var item in Entries(inner, bytes, when, maxFileBytes, limits, depth + 1))
                    {
                        yield return item;
                    }
                }
                else
                {
                    yield return new SourceItem(inner, new DocumentInput(inner, bytes, when), null);
                }
            }
        }
    }

    private static (byte[]? Bytes, (SkipReason Reason, string Detail)? Problem) Unpack(ZipArchiveEntry entry, long max)
    {
        try
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            Bounded.CopyTo(stream, copy, max);
            return (copy.ToArray(), null);
        }
        catch (InvalidDataException ex) when (ex.Message.StartsWith("more than", StringComparison.Ordinal))
        {
            return (null, (SkipReason.ArchiveLimit, $"unpacks to {ex.Message}, over the size limits"));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return (null, (SkipReason.Corrupt, $"could not be unpacked ({ex.Message})"));
        }
    }

    // Entry names as paths inside the archive: '/' separated, nothing above the archive's root.
    private static string Clean(string name) =>
        string.Join('/', name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "." and not ".."));
}
