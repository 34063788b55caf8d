namespace BriefBot.Channels.Slack;

/// <summary>Slack mrkdwn helpers.</summary>
internal static class SlackText
{
    /// <summary>Escapes the three characters mrkdwn treats as control characters, and nothing else.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The text, escaped, as a mrkdwn block quote (every line starts with <c>&gt;</c>).</summary>
    public static string BlockQuote(string text) =>
        string.Join('\n', Escape(text).ReplaceLineEndings("\n").Split('\n').Select(line => ">" + line));

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
