using System.Text.Json.Nodes;
using BriefBot.Conversation;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// The one way document text reaches Teams (and Web Chat), as data. In a card it goes into a RichTextBlock's
/// TextRuns, which Adaptive Cards show as written, without Markdown; a link is a run's <c>Action.OpenUrl</c>, only to
/// an http(s) URL. Plain text (a message's <c>summary</c>, a card's <c>fallbackText</c>, a <c>plain</c> text message)
/// gets a zero-width space between <c>]</c> and <c>(</c>, so a client that reads Markdown anyway cannot make
/// <c>[label](url)</c> a live link. Bidirectional controls are dropped everywhere.
/// </summary>
internal static class TeamsText
{
    /// <summary>Text for a surface that should be plain but may be read as Markdown.</summary>
    public static string Plain(string text) => DisplayText.WithoutBidiControls(text).Replace("](", "]\u200B(", StringComparison.Ordinal);

    /// <summary>A wrapping block of runs; its text is never Markdown.</summary>
    public static JsonObject Block(IEnumerable<JsonObject> runs, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray([.. runs]) };
        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    /// <summary>A block of one run.</summary>
    public static JsonObject Block(string text, string? size = null, string? weight = null, bool subtle = false, bool separator = false) =>
        Block([Run(text, size, weight, subtle)], separator);

    /// <summary>Text shown as written.</summary>
    public static JsonObject Run(string text, string? size = null, string? weight = null, bool subtle = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = DisplayText.WithoutBidiControls(text) };
        if (size is not null)
        {
            run["size"] = size;
        }

        if (weight is not null)
        {
            run["weight"] = weight;
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return run;
    }

    /// <summary>The label, opening <paramref name="url"/> when it is http(s); otherwise just the label.</summary>
    public static JsonObject Link(string label, string? url, string? weight = null, bool subtle = false)
    {
        var run = Run(label, weight: weight, subtle: subtle);
        if (DisplayText.WebLink(url) is { } uri)
        {
            run["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = uri.AbsoluteUri };
        }

        return run;
    }
}
