using System.Text;

namespace BriefBot.Search.Documents;

/// <summary>
/// Builds a document's reader-visible text block by block, as a reader walks it: headings open sections (a heading
/// of level n closes those of level n and deeper), each block is trimmed and stands on lines of its own, with a blank
/// line between blocks and a single line break between the items of one list or the rows of one table.
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<Block> _blocks = [];
    private readonly List<(int Level, string Text)> _headings = [];
    private IReadOnlyList<string> _path = [];

    public string? FirstHeading { get; private set; }

    public int Length => _text.Length;

    public void Heading(int level, string text, Location? location = null)
    {
        string heading = Collapse(text);
        if (heading.Length == 0)
        {
            return;
        }

        FirstHeading ??= heading;
        _headings.RemoveAll(h => h.Level >= level);
        _headings.Add((level, heading));
        _path = _headings.Select(h => h.Text).ToList();
        Add(ContentKind.Heading, heading, location, tight: false);
    }

    /// <summary>Adds a block; <paramref name="tight"/> puts it on the next line rather than after a blank one.</summary>
    public void Add(ContentKind kind, string text, Location? location = null, string? language = null, string? header = null, bool tight = false)
    {
        string content = kind == ContentKind.Code ? TrimLines(text) : Collapse(text);
        if (content.Length == 0 || !content.Any(char.IsLetterOrDigit))
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append(tight ? "\n" : "\n\n");
        }

        int start = _text.Length;
        _text.Append(content);
        _blocks.Add(new Block(kind, start, _text.Length, _path, location ?? Location.None, language, header));
    }

    public SourceDocument Build(string relativePath, string format, DocumentMetadata metadata, string hash, DateTimeOffset modified) =>
        new(relativePath, format, _text.ToString(), _blocks, metadata, hash, modified);

    /// <summary>Runs of white space become one space, outside code, as a browser shows them.</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Code keeps its lines and indentation; trailing spaces and blank lines at either end go.
    private static string TrimLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines.Select(l => l.Replace('\t', ' ')));
    }
}
