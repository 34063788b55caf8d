using System.Text.RegularExpressions;
using BriefBot.Conversation;

namespace BriefBot.Channels.Slack;

/// <summary>A question taken from a Slack event: who asked what, where, and the thread the answer belongs in.</summary>
internal sealed record SlackQuestion(string EventId, string Channel, string MessageTs, string ThreadTs, string? UserId, string Text)
{
    public IncomingMessage ToMessage() => new("slack", Channel, UserId, Text);
}

/// <summary>
/// Decides which events deserve an answer (a person's mention of the bot or a person's direct message: never a bot,
/// never the bot itself, never an edit or any other subtype) and turns them into <see cref="SlackQuestion"/>s.
/// </summary>
internal static partial class SlackQuestionReader
{
    private const int MaxIdLength = 64;

    public static bool TryRead(SlackEnvelope envelope, out SlackQuestion question)
    {
        question = null!;
        var e = envelope.Event;
        if (e is null || !IsId(envelope.EventId) || !IsId(e.Channel) || !IsId(e.Ts) || !IsId(e.User) || e.Text is null)
        {
            return false;
        }

        bool addressed = e.Type == "app_mention" || (e.Type == "message" && e.ChannelType == "im");
        bool fromAPerson = e.BotId is null && e.Subtype is null && e.Edited is null
            && envelope.Authorizations?.FirstOrDefault()?.UserId != e.User;
        if (!addressed || !fromAPerson || (e.ThreadTs is not null && !IsId(e.ThreadTs)))
        {
            return false;
        }

        string text = Unescape(Mention().Replace(e.Text, " ")).Trim();
        question = new SlackQuestion(envelope.EventId!, e.Channel!, e.Ts!, e.ThreadTs ?? e.Ts!, e.User, text);
        return true;
    }

    private static bool IsId(string? value) => !string.IsNullOrEmpty(value) && value.Length <= MaxIdLength;

    /// <summary>Slack escapes exactly these three in message text.</summary>
    private static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    [GeneratedRegex(@"<@[A-Z0-9]+(?:\|[^>]*)?>")]
    private static partial Regex Mention();
}
