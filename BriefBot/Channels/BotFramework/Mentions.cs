using System.Text.RegularExpressions;

namespace BriefBot.Channels.BotFramework;

/// <summary>Reads who a Teams message is addressed to, from its mention entities rather than from the text.</summary>
internal static partial class Mentions
{
    /// <summary>Whether a mention entity names the bot (the activity's recipient).</summary>
    public static bool MentionsBot(Activity activity) => BotMentions(activity).Any();

    /// <summary>
    /// The text without the bot's mentions: each mention entity of the recipient has its own <c>text</c> removed (or
    /// <c>&lt;at&gt;name&lt;/at&gt;</c> when it has none); mentions of other people keep the name and lose the tags.
    /// </summary>
    public static string StripBotMention(Activity activity)
    {
        string text = activity.Text ?? "";
        foreach (var mention in BotMentions(activity))
        {
            string markup = string.IsNullOrEmpty(mention.Text) ? $"<at>{mention.Mentioned!.Name}</at>" : mention.Text;
            text = text.Replace(markup, " ", StringComparison.OrdinalIgnoreCase);
        }

        text = AtTag().Replace(text, m => m.Groups["name"].Value + " ");
        return Spaces().Replace(text, " ").Trim();
    }

    private static IEnumerable<Entity> BotMentions(Activity activity) =>
        (activity.Entities ?? []).Where(e =>
            string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
            && e.Mentioned is not null
            && activity.Recipient is not null
            && string.Equals(e.Mentioned.Id, activity.Recipient.Id, StringComparison.Ordinal));

    [GeneratedRegex(@"<at[^>]*>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Spaces();
}
