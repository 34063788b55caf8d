using System.Text;
using BriefBot.Conversation;

namespace BriefBot.Channels.Slack;

/// <summary>
/// The one way text reaches Slack's mrkdwn (block text and a message's top-level <c>text</c>): as data. Slack decodes
/// only <c>&amp;amp; &amp;lt; &amp;gt;</c>, so those three are escaped (no <c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c>
/// or <c>&lt;url|label&gt;</c> comes through live); mrkdwn has no escape for its formatting characters, so
/// <c>* _ ~ `</c> (and their full-width forms) are shown as look-alikes (∗ ˍ ∼ ˋ); a line that would start a block
/// quote starts with an invisible soft hyphen; bidirectional controls are dropped.
/// </summary>
internal static class SlackText
{
    private const char SoftHyphen = '\u00AD';

    /// <summary>Text as literal mrkdwn.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in DisplayText.WithoutBidiControls(text))
        {
            if (c == '>' && (escaped.Length == 0 || escaped[^1] == '\n'))
            {
                escaped.Append(SoftHyphen);
            }

            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '*' or '\uFF0A' => "\u2217",
                '_' or '\uFF3F' => "\u02CD",
                '~' or '\uFF5E' => "\u223C",
                '`' or '\uFF40' => "\u02CB",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Text as inline code, where mrkdwn formats nothing: for file paths, which must read exactly as they are
    /// (<c>&amp;&lt;&gt;</c> escaped, a backtick as its look-alike, line breaks as spaces).
    /// </summary>
    public static string Code(string text)
    {
        var escaped = new StringBuilder(text.Length + 8).Append('`');
        foreach (char c in DisplayText.WithoutBidiControls(text))
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '`' => "\u02CB",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.Append('`').ToString();
    }

    /// <summary>A link when <paramref name="url"/> is http(s) (<c>|</c> and <c>&gt;</c> in it percent-encoded), else the label alone.</summary>
    public static string Link(string? url, string label) => DisplayText.WebLink(url) is { } uri
        ? $"<{uri.AbsoluteUri.Replace("|", "%7C").Replace("<", "%3C").Replace(">", "%3E").Replace("&", "&amp;")}|{Escape(label)}>"
        : Escape(label);

    /// <summary>The text, escaped, as a mrkdwn block quote (every line starts with <c>&gt;</c>).</summary>
    public static string BlockQuote(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => ">" + Escape(line)));

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
