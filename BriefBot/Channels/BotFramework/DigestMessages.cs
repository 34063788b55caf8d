using System.Text;
using System.Text.Json;
using BriefBot.Digests;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// A digest as Teams message activities, as few as fit: Teams refuses a message over about 100 KB (counted as
/// UTF-16, 413 <c>MessageSizeTooBig</c>) and asks bots to stay under 80 KB, so each activity, card, fallback and
/// summary included, is kept within <see cref="MaxMessageBytes"/> as UTF-16.
/// </summary>
internal static class DigestMessages
{
    public const int MaxMessageBytes = 80_000;

    // Sizing assumes the longest label a part can get, so labelling the parts afterwards cannot push one over.
    private const int LongestLabel = 999;

    // What a sender adds after sizing, as UTF-16: the conversation of a later part, or the parameters that start a
    // channel post around the first (a conversation id is a few hundred characters at most).
    private const int AddressingBytes = 2_048;

    /// <summary>The activities of the digest, in order.</summary>
    /// <param name="digest">The digest.</param>
    /// <param name="message">Makes the message activity around a card and its summary (addressing, reply-to).</param>
    /// <param name="maxBytes">The size each activity stays within, once its sender has addressed it.</param>
    public static IReadOnlyList<Activity> Render(Digest digest, Func<Attachment, string, Activity> message, int maxBytes = MaxMessageBytes)
    {
        var parts = new List<List<DigestCard.Unit>>();
        var current = new List<DigestCard.Unit>();
        foreach (var unit in DigestCard.Units(digest))
        {
            if (current.Count > 0 && Size(Build(digest, message, [.. current, unit], LongestLabel, LongestLabel)) > maxBytes - AddressingBytes)
            {
                parts.Add(current);
                current = [];
            }

            current.Add(unit);
        }

        parts.Add(current);
        return [.. parts.Select((units, i) => Build(digest, message, units, i + 1, parts.Count))];
    }

    /// <summary>The size Teams counts: the activity's JSON as UTF-16.</summary>
    public static int Size(Activity activity) => Encoding.Unicode.GetByteCount(JsonSerializer.Serialize(activity, BotJson.Options));

    private static Activity Build(Digest digest, Func<Attachment, string, Activity> message, List<DigestCard.Unit> units, int part, int parts)
    {
        string summary = digest.IsEmpty ? Digest.NothingNewText : DigestCard.Title(digest) + (parts > 1 ? $" (part {part} of {parts})" : "");
        return message(new Attachment(AnswerCard.ContentType, DigestCard.Card(units, part, parts)), summary);
    }
}
