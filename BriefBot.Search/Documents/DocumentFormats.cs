using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;

namespace BriefBot.Search.Documents;

/// <summary>Turns the bytes of a supported file into a <see cref="SourceDocument"/>.</summary>
internal static class DocumentFormats
{
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".html", ".htm" };

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path));

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static SourceDocument Read(string relativePath, byte[] content, DateTimeOffset modified)
    {
        string raw = Normalize(Encoding.UTF8.GetString(content));
        string hash = Hash(content);
        string ext = Path.GetExtension(relativePath).ToLowerInvariant();
        return ext switch
        {
            ".html" or ".htm" => ReadHtml(relativePath, raw, hash, modified),
            ".md" or ".markdown" => new SourceDocument(
                relativePath, MarkdownTitle(raw) ?? TitleFromFileName(relativePath), raw, hash, modified, null),
            _ => new SourceDocument(relativePath, TitleFromFileName(relativePath), raw, hash, modified, null),
        };
    }

    /// <summary>"2024-03_release-notes.md" becomes "2024 03 release notes".</summary>
    public static string TitleFromFileName(string relativePath)
    {
        string name = Path.GetFileNameWithoutExtension(relativePath).Replace('_', ' ').Replace('-', ' ');
        string title = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return title.Length == 0 ? relativePath : char.ToUpperInvariant(title[0]) + title[1..];
    }

    private static string? MarkdownTitle(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("#"))
            {
                string heading = trimmed.TrimStart('#').Trim().TrimEnd('#').Trim().ToString();
                if (heading.Length > 0)
                {
                    return heading;
                }
            }
        }

        return null;
    }

    private static SourceDocument ReadHtml(string relativePath, string raw, string hash, DateTimeOffset modified)
    {
        var document = new HtmlParser().ParseDocument(raw);
        string text = HtmlText.Extract(document);
        string? title = document.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            title = document.QuerySelector("h1")?.TextContent.Trim();
        }

        string? url = WebLink(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        return new SourceDocument(
            relativePath, string.IsNullOrEmpty(title) ? TitleFromFileName(relativePath) : title, text, hash, modified, url);
    }

    /// <summary>A document's link is kept only when it is an absolute http(s) URL: never <c>javascript:</c>, <c>data:</c> or a relative path.</summary>
    private static string? WebLink(string? href) =>
        Uri.TryCreate(href?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    // One line-ending convention and no byte-order mark, so offsets mean the same thing everywhere.
    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
}
