using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// Reads Markdown with Markdig into the text a reader of the rendered page sees: front matter becomes metadata,
/// headings open sections (their <c>{ #anchor }</c> dropped), code blocks stay line for line with their language,
/// each list item and table row is a block of its own, links and images show their text, HTML shows its text, and
/// template shortcodes and admonition fences are left out.
/// </summary>
internal static partial class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .Build();

    // Markdig's depth limit stops a hostile nesting of quotes or lists from recursing without end.
    private const int MaxDepth = 64;

    public static SourceDocument Read(DocumentInput input)
    {
        string source = input.Text();
        var parsed = Markdown.Parse(source, Pipeline);
        var lines = new LineMap(source);
        var builder = new DocumentBuilder();
        var front = FrontMatter.Empty;
        var walker = new Walker(builder, lines);
        foreach (var block in parsed)
        {
            if (block is YamlFrontMatterBlock yaml)
            {
                front = FrontMatter.Parse(yaml.Lines.ToString());
                continue;
            }

            walker.Visit(block, 0);
        }

        var metadata = front.ToMetadata(builder.FirstHeading ?? DocumentInput.TitleFromFileName(input.RelativePath));
        return builder.Build(input.RelativePath, "markdown", metadata, input.Hash, input.Modified);
    }

    private sealed class Walker(DocumentBuilder builder, LineMap lines)
    {
        public void Visit(Markdig.Syntax.Block block, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            switch (block)
            {
                case HeadingBlock heading:
                    builder.Heading(heading.Level, Anchor().Replace(InlineText.Of(heading.Inline), ""), lines.Of(heading));
                    break;
                case FencedCodeBlock fenced:
                    Code(fenced, Language(fenced.Info));
                    break;
                case CodeBlock code:
                    Code(code, null);
                    break;
                case HtmlBlock html:
                    builder.Add(ContentKind.Prose, Markup.TextOfHtml(html.Lines.ToString()), lines.Of(html));
                    break;
                case ParagraphBlock paragraph:
                    Prose(paragraph, depth > 0 && paragraph.Parent is QuoteBlock ? ContentKind.Quote : ContentKind.Prose);
                    break;
                case ListBlock list:
                    List(list, depth);
                    break;
                case Table table:
                    Rows(table);
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Visit(child, depth + 1);
                    }

                    break;
            }
        }

        private void Code(LeafBlock code, string? language)
        {
            string text = code.Lines.ToString();
            builder.Add(ContentKind.Code, Markup.IsTerminal(language) ? Markup.WithoutPresentationTags(text) : text, lines.Of(code), language);
        }

        private void Prose(ParagraphBlock paragraph, ContentKind kind)
        {
            string text = Markup.WithoutShortcodes(InlineText.Of(paragraph.Inline));
            builder.Add(kind, Markup.WithoutAdmonitionFences(text), lines.Of(paragraph));
        }

        private void List(ListBlock list, int depth)
        {
            int number = int.TryParse(list.OrderedStart, out int start) ? start : 1;
            bool first = true;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                string marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "\u2022 ";
                var children = item.ToList();
                if (children.FirstOrDefault() is ParagraphBlock lead)
                {
                    string text = Markup.WithoutShortcodes(InlineText.Of(lead.Inline));
                    builder.Add(ContentKind.ListItem, marker + text, lines.Of(lead), tight: !first && list.IsLoose is false);
                    children.RemoveAt(0);
                }

                foreach (var child in children)
                {
                    Visit(child, depth + 1);
                }

                first = false;
            }
        }

        private void Rows(Table table)
        {
            string? header = null;
            bool first = true;
            foreach (var row in table.OfType<TableRow>())
            {
                string text = string.Join(" | ", row.OfType<TableCell>().Select(CellText));
                if (row.IsHeader && header is null)
                {
                    header = text;
                    builder.Add(ContentKind.TableHeader, text, lines.Of(row), tight: false);
                }
                else
                {
                    builder.Add(ContentKind.TableRow, text, lines.Of(row), header: header, tight: !first);
                }

                first = false;
            }
        }

        private static string CellText(TableCell cell) =>
            string.Join(' ', cell.OfType<ParagraphBlock>().Select(p => Markup.WithoutShortcodes(InlineText.Of(p.Inline))));
    }

    // "```python title="main.py"" and "```{.python}" both say python.
    private static string? Language(string? info)
    {
        string? word = info?.Trim().Trim('{', '}', '.').Split(' ', 2)[0];
        return string.IsNullOrEmpty(word) || word.Contains('=') ? null : word.ToLowerInvariant();
    }

    [GeneratedRegex(@"\s*\{\s*#[\w.-]+[^}]*\}\s*$")]
    private static partial Regex Anchor();
}
