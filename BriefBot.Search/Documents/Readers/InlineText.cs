using System.Text;
using Markdig.Syntax.Inlines;

namespace BriefBot.Search.Documents.Readers;

/// <summary>
/// The text a reader sees of Markdown inlines: emphasis and code spans as their content, links (inline, reference or
/// auto) and images as their text, entities decoded, inline HTML tags left out; line breaks stay, for the block to fold.
/// </summary>
internal static class InlineText
{
    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline?.FirstChild, text, 0);
        return text.ToString();
    }

    private static void Append(Inline? first, StringBuilder text, int depth)
    {
        for (var node = first; node is not null && depth < 64; node = node.NextSibling)
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline auto:
                    text.Append(auto.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case LinkDelimiterInline opener:
                    // A bracket that opened no link ("[citation needed]") stays the text it is.
                    text.Append(opener.IsImage ? "![" : "[");
                    Append(opener.FirstChild, text, depth + 1);
                    break;
                case ContainerInline container:
                    Append(container.FirstChild, text, depth + 1);
                    break;
            }
        }
    }
}
