using System.Text;
using AngleSharp.Dom;

namespace BriefBot.Search.Documents;

/// <summary>
/// Extracts readable text from an HTML document: block elements become paragraphs separated by a blank line,
/// headings become Markdown-style "#" lines, scripts, styles and navigation are dropped.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "svg", "head", "iframe", "button", "form",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tr", "blockquote", "pre", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
    };

    public static string Extract(IDocument document)
    {
        var text = new StringBuilder();
        var root = (INode?)document.Body ?? document.DocumentElement;
        Walk(root, text);
        return Tidy(text.ToString());
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
                continue;
            }

            if (child is not IElement element || Skipped.Contains(element.LocalName))
            {
                continue;
            }

            string name = element.LocalName;
            bool block = Blocks.Contains(name);
            if (block)
            {
                text.Append("\n\n");
            }

            if (name.Length == 2 && name[0] == 'h' && char.IsDigit(name[1]))
            {
                text.Append('#', name[1] - '0').Append(' ');
            }

            if (name is "td" or "th")
            {
                text.Append(' ');
            }

            Walk(element, text);
            if (block)
            {
                text.Append("\n\n");
            }
        }
    }

    // Collapses white space inside paragraphs and keeps exactly one blank line between them.
    private static string Tidy(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0 && p.Any(char.IsLetterOrDigit));
        return string.Join("\n\n", paragraphs);
    }
}
