using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// A Bot Framework activity, in and out. Only the fields BriefBot reads or writes are declared; unknown fields are
/// ignored on the way in, and null fields are left out on the way out.
/// </summary>
internal sealed record Activity
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Value { get; init; }
}

/// <summary>Activity types BriefBot handles; comparisons are ordinal, as the protocol says.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
}

/// <summary>A person or bot in a conversation: <c>29:…</c> users and <c>28:&lt;app id&gt;</c> bots in Teams.</summary>
internal sealed record ChannelAccount(string Id, string? Name = null, string? AadObjectId = null);

/// <summary>The conversation: a personal chat, a group chat, or a Teams channel thread (<c>…;messageid=…</c>).</summary>
internal sealed record ConversationAccount(string Id, bool? IsGroup = null, string? ConversationType = null, string? TenantId = null, string? Name = null);

/// <summary>
/// Metadata on an activity: BriefBot reads mentions (<c>type: "mention"</c>) and writes the schema.org message entity
/// that carries Teams' AI label (<see cref="RephrasedCard.AiLabel"/>).
/// </summary>
internal sealed record Entity(
    string? Type = null,
    ChannelAccount? Mentioned = null,
    string? Text = null,
    [property: JsonPropertyName("@type")] string? SchemaType = null,
    [property: JsonPropertyName("@context")] string? SchemaContext = null,
    [property: JsonPropertyName("@id")] string? SchemaId = null,
    IReadOnlyList<string>? AdditionalType = null);

/// <summary>A card or file sent with a message.</summary>
internal sealed record Attachment(string ContentType, JsonNode? Content = null, string? ContentUrl = null, string? Name = null);

/// <summary>The reply to <c>POST v3/conversations/…/activities</c>.</summary>
internal sealed record ResourceResponse(string? Id = null);

/// <summary>The body of <c>POST v3/conversations</c>: a new conversation, or a new thread in a Teams channel.</summary>
internal sealed record ConversationParameters(
    bool? IsGroup,
    ChannelAccount? Bot,
    IReadOnlyList<ChannelAccount>? Members,
    string? TopicName,
    string? TenantId,
    Activity? Activity,
    JsonNode? ChannelData);

/// <summary>The reply to <c>POST v3/conversations</c>.</summary>
internal sealed record ConversationResourceResponse(string? Id = null, string? ActivityId = null, string? ServiceUrl = null);

/// <summary>The JSON settings of the Bot Framework wire format.</summary>
internal static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 32,
    };

    /// <summary>For activities from outside: <see cref="Options"/>, made strict (<see cref="Hosting.JsonPayload.Strict"/>).</summary>
    public static readonly JsonSerializerOptions Inbound = Hosting.JsonPayload.Strict(Options);
}
