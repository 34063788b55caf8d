using System.Text.Json.Nodes;
using BriefBot.Channels.BotFramework;

namespace BriefBot.Channels.Playground;

/// <summary>
/// What the playground keeps of an activity Web Chat posts: only what Web Chat shows or needs back, within limits,
/// so a stored activity stays small. Web Chat marks its message as sent when <c>channelData.clientActivityID</c>
/// comes back in the echo.
/// </summary>
internal sealed record UserActivity(
    string Type, string? Text, string? TextFormat, string? Locale, ChannelAccount From, string? ClientActivityId, string? ClientTimestamp)
{
    public const int MaxTextLength = 4000;
    private const int MaxNameLength = 256;
    private const int MaxShortLength = 128;

    public bool IsQuestion => Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(Text);

    public static (UserActivity? Activity, string? Error) Read(JsonObject json)
    {
        var from = json["from"] as JsonObject;
        var channelData = json["channelData"] as JsonObject;
        var activity = new UserActivity(
            String(json["type"]) ?? "",
            String(json["text"]),
            String(json["textFormat"]),
            String(json["locale"]),
            new ChannelAccount(String(from?["id"]) ?? "user", String(from?["name"])),
            String(channelData?["clientActivityID"]),
            String(channelData?["clientTimestamp"]));
        return (activity, activity.Problem());
    }

    /// <summary>The echo Web Chat waits for.</summary>
    public JsonObject Echo() => new()
    {
        ["type"] = Type,
        ["text"] = Text,
        ["textFormat"] = TextFormat,
        ["locale"] = Locale,
        ["from"] = new JsonObject { ["id"] = From.Id, ["name"] = From.Name, ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = PlaygroundBot.Account.Id, ["name"] = PlaygroundBot.Account.Name, ["role"] = "bot" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = ClientActivityId, ["clientTimestamp"] = ClientTimestamp },
    };

    /// <summary>The message as the Teams handler reads it: a personal chat whose replies go to the playground.</summary>
    public Activity ForHandler(string id, string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ServiceUrl = PlaygroundTransport.ServiceUrl,
        ChannelId = PlaygroundBot.ChannelId,
        From = From,
        Recipient = PlaygroundBot.Account,
        Conversation = new ConversationAccount(conversationId, IsGroup: false, ConversationType: "personal"),
        Text = Text,
        Locale = Locale,
    };

    private string? Problem()
    {
        if (Type.Length == 0)
        {
            return "The activity has no type.";
        }

        if ((Text?.Length ?? 0) > MaxTextLength)
        {
            return $"The text is limited to {MaxTextLength} characters.";
        }

        if (From.Id.Length > MaxNameLength || (From.Name?.Length ?? 0) > MaxNameLength)
        {
            return $"The user's id and name are limited to {MaxNameLength} characters.";
        }

        return new[] { Type, TextFormat, Locale, ClientActivityId, ClientTimestamp }.Any(s => s?.Length > MaxShortLength)
            ? $"The type, textFormat, locale and channelData values are limited to {MaxShortLength} characters."
            : null;
    }

    /// <summary>A string value, or null for anything else (a number, an object, a missing field).</summary>
    private static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
