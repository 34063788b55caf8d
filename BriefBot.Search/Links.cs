namespace BriefBot.Search;

/// <summary>
/// The published address of a document: its own absolute URL (front matter <c>url</c>, an HTML canonical link) as it
/// is; else <c>Search:BaseUrl</c> joined with its front matter <c>url</c> (site-relative), its <c>slug</c> (in its
/// folder), or its relative path, where a Markdown page is published as its folder ("guide/index.md" → "guide/") or
/// its name without extension ("guide/setup.md" → "guide/setup/"), and other files as they are. No base, no link.
/// </summary>
internal sealed class Links(Uri? baseUrl)
{
    private static readonly string[] IndexPages = ["index", "readme", "_index"];

    public string? For(string path, string? url, string? slug)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        if (baseUrl is null)
        {
            return null;
        }

        string relative = url is not null ? url.TrimStart('/') : PagePath(path, slug);
        return new Uri(baseUrl, string.Join('/', relative.Split('/').Select(Uri.EscapeDataString))).ToString();
    }

    private static string PagePath(string path, string? slug)
    {
        string folder = path.Contains('/') ? path[..(path.LastIndexOf('/') + 1)] : "";
        if (slug is not null)
        {
            return folder + slug.Trim('/') + "/";
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".md" or ".markdown"))
        {
            return path;
        }

        string name = Path.GetFileNameWithoutExtension(path);
        return IndexPages.Contains(name.ToLowerInvariant()) ? folder : folder + name + "/";
    }
}
