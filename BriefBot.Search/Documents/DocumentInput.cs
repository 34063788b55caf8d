using System.Security.Cryptography;
using System.Text;

namespace BriefBot.Search.Documents;

/// <summary>
/// The bytes of one document and where they came from (a file in a folder, an entry of an archive; later a web page
/// or a SharePoint item): all a reader needs, whatever the source.
/// </summary>
internal sealed record DocumentInput(string RelativePath, byte[] Content, DateTimeOffset Modified)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));

    public string Extension => Path.GetExtension(RelativePath).ToLowerInvariant();

    /// <summary>
    /// The content as text: UTF-8 (a byte-order mark dropped), one line-ending convention. Bytes that are not UTF-8,
    /// or NUL characters (a binary file under a text name), make the file unreadable rather than garbled.
    /// </summary>
    public string Text()
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(Content);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDocumentException(SkipReason.NotText, "not valid UTF-8 text");
        }

        if (text.Contains('\0'))
        {
            throw new UnreadableDocumentException(SkipReason.NotText, "binary content (NUL characters) under a text file name");
        }

        return text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
    }

    /// <summary>"2024-03_release-notes.md" becomes "2024 03 release notes".</summary>
    public static string TitleFromFileName(string relativePath)
    {
        string name = Path.GetFileNameWithoutExtension(relativePath).Replace('_', ' ').Replace('-', ' ');
        string title = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return title.Length == 0 ? relativePath : char.ToUpperInvariant(title[0]) + title[1..];
    }
}

/// <summary>Thrown by a reader when a file cannot be read as its format, with the reason to report.</summary>
internal sealed class UnreadableDocumentException(SkipReason reason, string detail) : Exception(detail)
{
    public SkipReason Reason { get; } = reason;
}
