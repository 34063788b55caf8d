using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// The YAML front matter of a Markdown page, as the static-site generators read it: <c>title</c>, <c>description</c>
/// (or <c>summary</c>), <c>url</c>, <c>slug</c>, <c>aliases</c>, <c>author</c>, <c>date</c>. Front matter that is not a
/// YAML mapping is ignored, never shown as text.
/// </summary>
internal sealed record FrontMatter(string? Title, string? Description, string? Url, string? Slug, IReadOnlyList<string> Aliases, string? Author, DateTimeOffset? Date)
{
    public static readonly FrontMatter Empty = new(null, null, null, null, [], null, null);

    public static FrontMatter Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml.Trim().Trim('-').Trim()));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return Empty;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            return Empty;
        }

        string? Scalar(params string[] keys) => keys
            .Select(k => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && string.Equals(s.Value, k, StringComparison.OrdinalIgnoreCase)).Value)
            .OfType<YamlScalarNode>().Select(s => s.Value?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var aliases = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "aliases" }).Value switch
        {
            YamlSequenceNode seq => seq.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList(),
            YamlScalarNode one when !string.IsNullOrEmpty(one.Value) => [one.Value],
            _ => [],
        };
        var date = DateTimeOffset.TryParse(Scalar("date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null;
        return new FrontMatter(Scalar("title"), Scalar("description", "summary"), Scalar("url", "permalink"), Scalar("slug"), aliases, Scalar("author"), date);
    }

    public DocumentMetadata ToMetadata(string fallbackTitle) =>
        new(Title ?? fallbackTitle, Description, Url, Slug, Aliases, Author, Date);
}
