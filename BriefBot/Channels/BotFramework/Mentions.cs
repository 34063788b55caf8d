using System.Text;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Reads who a Teams message is addressed to, from its mention entities rather than from the text. Every step is a
/// single forward scan, so a text of any shape (32 KB of unclosed <c>&lt;at&gt;</c>) costs time in proportion to its
/// length: no regular expression, no backtracking.
/// </summary>
internal static class Mentions
{
    private const string Close = "</at>";

    /// <summary>Teams puts one or two mentions of the bot in a message; more are not looked for.</summary>
    private const int MaxBotMentions = 8;

    /// <summary>Whether a mention entity names the bot (the activity's recipient).</summary>
    public static bool MentionsBot(Activity activity) => BotMentions(activity).Any();

    /// <summary>
    /// The text without the bot's mentions: each mention entity of the recipient has its own <c>text</c> removed (or
    /// <c>&lt;at&gt;name&lt;/at&gt;</c> when it has none); mentions of other people keep the name and lose the tags.
    /// </summary>
    public static string StripBotMention(Activity activity)
    {
        string text = activity.Text ?? "";
        var markups = BotMentions(activity)
            .Select(m => string.IsNullOrEmpty(m.Text) ? $"<at>{m.Mentioned!.Name}</at>" : m.Text)
            .Where(m => m.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxBotMentions);
        foreach (string markup in markups)
        {
            text = text.Replace(markup, " ", StringComparison.OrdinalIgnoreCase);
        }

        return CollapseSpaces(UnwrapTags(text));
    }

    private static IEnumerable<Entity> BotMentions(Activity activity) =>
        (activity.Entities ?? []).Where(e =>
            string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
            && e.Mentioned is not null
            && activity.Recipient is not null
            && string.Equals(e.Mentioned.Id, activity.Recipient.Id, StringComparison.Ordinal));

    // "<at>Name</at>" and "<at id=…>Name</at>" become "Name "; once no "</at>" or no ">" follows, nothing later can close.
    private static string UnwrapTags(string text)
    {
        var result = new StringBuilder(text.Length);
        int position = 0;
        while (position < text.Length)
        {
            int open = text.IndexOf("<at", position, StringComparison.OrdinalIgnoreCase);
            if (open < 0 || open + 3 >= text.Length)
            {
                break;
            }

            char after = text[open + 3];
            if (after != '>' && !char.IsWhiteSpace(after))
            {
                result.Append(text, position, open + 3 - position);
                position = open + 3;
                continue;
            }

            int nameStart = text.IndexOf('>', open + 3) + 1;
            int close = nameStart > 0 ? text.IndexOf(Close, nameStart, StringComparison.OrdinalIgnoreCase) : -1;
            if (close < 0)
            {
                break;
            }

            result.Append(text, position, open - position).Append(text, nameStart, close - nameStart).Append(' ');
            position = close + Close.Length;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    private static string CollapseSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
            else if (result.Length > 0 && result[^1] != ' ')
            {
                result.Append(' ');
            }
        }

        return result.ToString().TrimEnd();
    }
}
