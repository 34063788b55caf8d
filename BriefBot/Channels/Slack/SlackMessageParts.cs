using System.Text.Json.Nodes;

namespace BriefBot.Channels.Slack;

/// <summary>One Block Kit block and its plain text, for the fallback of the message it ends up in.</summary>
internal sealed record SlackPiece(JsonObject Block, string Text);

/// <summary>
/// Packs blocks into as few <c>chat.postMessage</c> messages as Slack's limits allow: at most 50 blocks, and a
/// plain-text fallback of at most 40,000 characters (Slack truncates a longer one). A unit (a document with its
/// quotes and source) moves whole to the next message when it does not fit; only a unit too big for any message is
/// cut between blocks. Parts of a split message are labelled "Part i of n".
/// </summary>
internal static class SlackMessageParts
{
    public const int MaxBlocks = 50;
    public const int MaxText = 40_000;

    // Room for the "Part i of n" block and line.
    private const int LabelBlocks = 1;
    private const int LabelText = 40;

    public static IReadOnlyList<SlackMessage> Pack(IEnumerable<IReadOnlyList<SlackPiece>> units)
    {
        var parts = new List<List<SlackPiece>>();
        var current = new List<SlackPiece>();
        foreach (var unit in units)
        {
            if (current.Count > 0 && !Fits(current, unit))
            {
                parts.Add(current);
                current = [];
            }

            foreach (var piece in unit)
            {
                if (current.Count > 0 && !Fits(current, [piece]))
                {
                    parts.Add(current);
                    current = [];
                }

                current.Add(piece);
            }
        }

        if (current.Count > 0)
        {
            parts.Add(current);
        }

        return [.. parts.Select((part, i) => ToMessage(part, i, parts.Count))];
    }

    private static bool Fits(List<SlackPiece> message, IReadOnlyList<SlackPiece> more) =>
        message.Count + more.Count <= MaxBlocks - LabelBlocks
        && TextLength(message) + TextLength(more) <= MaxText - LabelText;

    private static int TextLength(IEnumerable<SlackPiece> pieces) => pieces.Sum(p => p.Text.Length + 1);

    private static SlackMessage ToMessage(List<SlackPiece> pieces, int index, int count)
    {
        var blocks = new JsonArray([.. pieces.Select(p => p.Block.DeepClone())]);
        string text = string.Join('\n', pieces.Select(p => p.Text).Where(t => t.Length > 0));
        if (count > 1)
        {
            string label = $"Part {index + 1} of {count}";
            blocks.Add(SlackBlocks.Context(label));
            text = SlackText.Shorten(text, MaxText - LabelText) + $"\n({label})";
        }

        return new SlackMessage(SlackText.Shorten(text, MaxText), blocks);
    }
}
