namespace BriefBot.Search.Documents;

/// <summary>A file found in a source folder, before it is read.</summary>
internal sealed record SourceFile(string FullPath, string RelativePath, DateTimeOffset Modified, long Length);

/// <summary>Lists the supported files below a folder, recursively, with paths relative to it ('/' separated).</summary>
internal static class FolderSource
{
    public static List<SourceFile> List(string folder, long maxFileBytes)
    {
        var root = new DirectoryInfo(folder);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"The source folder '{folder}' does not exist.");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return root.EnumerateFiles("*", options)
            .Where(f => DocumentFormats.IsSupported(f.Name) && f.Length <= maxFileBytes)
            .Select(f => new SourceFile(
                f.FullName,
                Path.GetRelativePath(root.FullName, f.FullName).Replace('\\', '/'),
                new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero),
                f.Length))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }
}
