using System.IO.Compression;

namespace BriefBot.Search.Documents;

/// <summary>
/// How far BriefBot unpacks a ZIP archive (or an Office package) before it calls it a bomb: the total uncompressed
/// size, the number of entries, the ratio of uncompressed to compressed size, and archives inside archives.
/// </summary>
internal sealed record ArchiveLimits(long MaxTotalBytes, int MaxEntries, int MaxRatio, int MaxNesting)
{
    /// <summary>Why an archive's entries break the limits, or null when they do not.</summary>
    public string? Violation(IReadOnlyCollection<ZipArchiveEntry> entries, long compressedBytes)
    {
        if (entries.Count > MaxEntries)
        {
            return $"{entries.Count} entries, over the limit of {MaxEntries}";
        }

        long total = entries.Sum(e => e.Length);
        if (total > MaxTotalBytes)
        {
            return $"{total:N0} bytes uncompressed, over the limit of {MaxTotalBytes:N0}";
        }

        return total > (long)MaxRatio * Math.Max(1, compressedBytes) ? $"compressed {total / Math.Max(1, compressedBytes)}:1, over the limit of {MaxRatio}:1" : null;
    }
}
