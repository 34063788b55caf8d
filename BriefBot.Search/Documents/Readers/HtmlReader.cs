using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads HTML with AngleSharp: the main content (<c>&lt;main&gt;</c>, else <c>&lt;article&gt;</c>, else the body without
/// navigation, header, footer, asides, scripts and forms), <c>&lt;title&gt;</c> and the description and canonical link
/// as metadata, headings as sections, <c>&lt;pre&gt;</c> as code, list items and table rows as blocks.
/// </summary>
internal static class HtmlReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "svg", "head", "iframe", "button", "form", "header", "footer", "aside",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "figure", "figcaption", "dl", "dt", "dd", "ul", "ol", "table",
        "thead", "tbody", "tfoot", "details", "summary", "address", "center",
    };

    public static SourceDocument Read(DocumentInput input)
    {
        var document = new HtmlParser().ParseDocument(input.Text());
        var builder = new DocumentBuilder();
        var root = (INode?)document.QuerySelector("main") ?? document.QuerySelector("article") ?? (INode?)document.Body ?? document.DocumentElement;
        var walker = new Walker(builder);
        walker.Visit(root, 0);
        walker.Flush();

        string? title = document.Title?.Trim();
        var metadata = new DocumentMetadata(
            string.IsNullOrEmpty(title) ? builder.FirstHeading ?? DocumentInput.TitleFromFileName(input.RelativePath) : DocumentBuilder.Collapse(title),
            Description: document.QuerySelector("meta[name=description]")?.GetAttribute("content"),
            Url: document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            Author: document.QuerySelector("meta[name=author]")?.GetAttribute("content"));
        return builder.Build(input.RelativePath, "html", metadata, input.Hash, input.Modified);
    }

    private sealed class Walker(DocumentBuilder builder)
    {
        private readonly System.Text.StringBuilder _inline = new();

        public void Visit(INode node, int depth)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    _inline.Append(text.Data);
                    continue;
                }

                if (child is not IElement element || Skipped.Contains(element.LocalName) || depth > 64)
                {
                    continue;
                }

                string name = element.LocalName;
                if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
                {
                    Flush();
                    builder.Heading(name[1] - '0', element.TextContent);
                }
                else if (name == "pre")
                {
                    Flush();
                    builder.Add(ContentKind.Code, element.TextContent, language: Language(element));
                }
                else if (name == "li")
                {
                    Flush();
                    builder.Add(ContentKind.ListItem, "\u2022 " + InlineOf(element), tight: element.PreviousElementSibling is not null);
                    foreach (var nested in element.Children.Where(c => c.LocalName is "ul" or "ol"))
                    {
                        Visit(nested, depth + 1);
                    }
                }
                else if (name == "tr")
                {
                    Flush();
                    var cells = element.Children.Where(c => c.LocalName is "td" or "th").Select(c => DocumentBuilder.Collapse(c.TextContent));
                    bool header = element.Children.All(c => c.LocalName == "th");
                    builder.Add(header ? ContentKind.TableHeader : ContentKind.TableRow, string.Join(" | ", cells), tight: element.PreviousElementSibling is not null);
                }
                else if (name == "br")
                {
                    _inline.Append(' ');
                }
                else if (Blocks.Contains(name))
                {
                    Flush();
                    Visit(element, depth + 1);
                    Flush();
                }
                else
                {
                    Visit(element, depth + 1);
                }
            }
        }

        public void Flush()
        {
            builder.Add(ContentKind.Prose, _inline.ToString());
            _inline.Clear();
        }

        // The text of a list item without its nested lists, which are items of their own.
        private static string InlineOf(IElement item) => string.Concat(item.ChildNodes
            .Where(n => n is not IElement e || (e.LocalName is not ("ul" or "ol") && !Skipped.Contains(e.LocalName)))
            .Select(n => n.TextContent));

        private static string? Language(IElement pre)
        {
            string classes = (pre.QuerySelector("code")?.ClassName ?? "") + " " + (pre.ClassName ?? "");
            return classes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.StartsWith("language-", StringComparison.Ordinal) ? c[9..] : c.StartsWith("lang-", StringComparison.Ordinal) ? c[5..] : null)
                .FirstOrDefault(l => l is not null);
        }
    }
}
