using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace BriefBot.Search.Documents.Readers;

/// <summary>Markup that documentation sites hide from their readers, and how to take it out of text.</summary>
internal static partial class Markup
{
    private static readonly HashSet<string> Terminals = new(StringComparer.OrdinalIgnoreCase)
    {
        "console", "shell", "sh", "bash", "zsh", "shell-session", "terminal", "powershell", "ps1", "cmd", "text", "txt",
    };

    /// <summary>The text of an HTML fragment, tags and comments gone, entities decoded.</summary>
    public static string TextOfHtml(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var hidden in document.QuerySelectorAll("script, style, template"))
        {
            hidden.Remove();
        }

        return document.Body?.TextContent ?? "";
    }

    /// <summary>Whether a code block's language is a terminal session, where colour tags are presentation, not content.</summary>
    public static bool IsTerminal(string? language) => language is not null && Terminals.Contains(language);

    /// <summary>A terminal recording without the &lt;font&gt;, &lt;span&gt;, &lt;b&gt; and &lt;u&gt; tags that colour it.</summary>
    public static string WithoutPresentationTags(string text) => WebUtility.HtmlDecode(PresentationTag().Replace(text, ""));

    /// <summary>Template shortcodes (Hugo's <c>{{&lt; … &gt;}}</c>, Jinja's <c>{% … %}</c>, MkDocs includes <c>{* … *}</c>) removed.</summary>
    public static string WithoutShortcodes(string text) => text.Contains('{') ? Shortcode().Replace(text, " ") : text;

    /// <summary>
    /// The fences of MkDocs admonitions (<c>/// tip</c>, <c>///</c>, <c>!!! note "Title"</c>) as the box label a reader sees:
    /// the title when there is one, else the kind, capitalised; a closing fence alone is nothing.
    /// </summary>
    public static string WithoutAdmonitionFences(string text)
    {
        var match = AdmonitionFence().Match(text);
        if (!match.Success)
        {
            return text;
        }

        string title = match.Groups["title"].Value.Trim().Trim('"');
        string kind = match.Groups["kind"].Value;
        string label = title.Length > 0 ? title : kind.Length > 0 ? char.ToUpperInvariant(kind[0]) + kind[1..] : "";
        string rest = text[match.Length..].Trim();
        return label.Length == 0 ? rest : rest.Length == 0 ? label : label + " " + rest;
    }

    [GeneratedRegex(@"</?(?:font|span|b|u|i|strong|em)\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PresentationTag();

    [GeneratedRegex(@"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\*.*?\*\}", RegexOptions.Singleline)]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"^(?:/{3,}|!{3}|\?{3}\+?)[ \t]*(?<kind>(?i:note|tip|info|warning|danger|caution|important|details|check|example|abstract|summary|success|question|failure|bug|quote|hint|attention|error|seealso|todo|tab)?)[ \t]*(?:[ \t]*\|[ \t]*(?<title>[^\n]*)|[ \t]*(?<title>""[^""\n]*""))?[ \t]*(?:\n|$)")]
    private static partial Regex AdmonitionFence();
}
