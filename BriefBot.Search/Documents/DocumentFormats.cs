using System.IO.Compression;
using System.Xml;
using BriefBot.Search.Documents.Readers;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Core;

namespace BriefBot.Search.Documents;

/// <summary>What reading one input gave: a document (perhaps with warnings about parts left out), or why not.</summary>
internal sealed record ReadOutcome(SourceDocument? Document, SkippedFile? Skipped, IReadOnlyList<string> Warnings);

/// <summary>
/// Picks the reader for a file by its extension and turns every way a file can fail (damaged, truncated, encrypted,
/// not what its name says) into a reason to report, so that one bad file never stops a refresh.
/// </summary>
internal static class DocumentFormats
{
    private static readonly Dictionary<string, string> FormatOf = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = "markdown", [".markdown"] = "markdown", [".txt"] = "text", [".html"] = "html", [".htm"] = "html",
        [".pdf"] = "pdf", [".docx"] = "docx", [".pptx"] = "pptx", [".xlsx"] = "xlsx", [".csv"] = "csv", [".eml"] = "email",
    };

    public static bool IsSupported(string path) => FormatOf.ContainsKey(Path.GetExtension(path));

    public static bool IsArchive(string path) => Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    public static ReadOutcome Read(DocumentInput input, ArchiveLimits limits)
    {
        var warnings = new List<string>();
        try
        {
            var document = ReadAs(input, limits, warnings);
            return document.Blocks.Any(b => b.Kind != ContentKind.Heading)
                ? new ReadOutcome(document, null, warnings)
                : Skip(input, SkipReason.Empty, "no text to index");
        }
        catch (UnreadableDocumentException ex)
        {
            return Skip(input, ex.Reason, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or XmlException or FormatException
            or PdfDocumentFormatException or InvalidOperationException or ArgumentException or IOException
            or IndexOutOfRangeException or NullReferenceException or InvalidCastException or KeyNotFoundException or NotSupportedException)
        {
            // Parsers of damaged files fail in many ways; all of them mean the same to the person who owns the file.
            return Skip(input, SkipReason.Corrupt, $"could not be read as {Path.GetExtension(input.RelativePath).TrimStart('.').ToUpperInvariant()} ({Shorten(ex.Message)})");
        }
    }

    private static SourceDocument ReadAs(DocumentInput input, ArchiveLimits limits, List<string> warnings)
    {
        switch (input.Extension)
        {
            case ".md" or ".markdown":
                return MarkdownReader.Read(input);
            case ".html" or ".htm":
                return HtmlReader.Read(input);
            case ".csv":
                return CsvReader.Read(input, warnings);
            case ".eml":
                return EmailReader.Read(input);
            case ".pdf":
                return PdfReader.Read(input, warnings);
            case ".docx":
                OfficePackage.Check(input, limits);
                return DocxReader.Read(input);
            case ".pptx":
                OfficePackage.Check(input, limits);
                return PptxReader.Read(input);
            case ".xlsx":
                OfficePackage.Check(input, limits);
                return XlsxReader.Read(input, warnings);
            case ".txt":
                return PlainTextReader.Read(input);
            default:
                throw new UnreadableDocumentException(SkipReason.Unsupported, $"no reader for {input.Extension} files");
        }
    }

    /// <summary>The name of a file's format, as counted in reports.</summary>
    public static string NameOf(string path) => FormatOf.GetValueOrDefault(Path.GetExtension(path), "other");

    private static ReadOutcome Skip(DocumentInput input, SkipReason reason, string detail) =>
        new(null, new SkippedFile(input.RelativePath, reason, detail), []);

    private static string Shorten(string message)
    {
        string line = message.Split('\n')[0].Trim();
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}

/// <summary>The checks an Office file passes before the Open XML SDK reads it: a ZIP package, within the archive limits.</summary>
internal static class OfficePackage
{
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static void Check(DocumentInput input, ArchiveLimits limits)
    {
        if (input.Content.AsSpan().StartsWith(CompoundFile))
        {
            // Office saves a password-protected document as an encrypted package inside a compound file.
            throw new UnreadableDocumentException(SkipReason.Encrypted, "protected by a password (an encrypted Office file)");
        }

        using var zip = new ZipArchive(new MemoryStream(input.Content, writable: false), ZipArchiveMode.Read);
        if (limits.Violation(zip.Entries, input.Content.Length) is { } violation)
        {
            throw new UnreadableDocumentException(SkipReason.ArchiveLimit, violation);
        }
    }
}
