using System.Text.Json;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Where a Teams digest goes, kept with the subscription as its opaque reference: the service URL, the tenant, the
/// conversation (for a channel, the channel itself, so each digest starts a new post) and the bot's account.
/// </summary>
/// <param name="ServiceUrl">The service URL the subscribing activity came from (a validated request).</param>
/// <param name="ConversationId">The conversation, without a channel thread's <c>;messageid=…</c>.</param>
/// <param name="ConversationType">"personal", "groupChat" or "channel".</param>
/// <param name="TenantId">The tenant, for the Connector.</param>
/// <param name="TeamsChannelId">The Teams channel a new post goes to; null outside channels.</param>
/// <param name="TeamId">The team, so the reference is forgotten when the bot leaves it.</param>
/// <param name="BotId">The bot's account in this conversation (<c>28:…</c>).</param>
/// <param name="BotName">The bot's display name.</param>
internal sealed record TeamsDigestAddress(
    string ServiceUrl, string ConversationId, string? ConversationType, string? TenantId, string? TeamsChannelId, string? TeamId, string BotId, string? BotName)
{
    private const int MaxLength = 4_000;

    public bool IsChannel => TeamsChannelId is not null;

    /// <summary>The address of the conversation an activity came from, or null when the activity lacks what a post needs.</summary>
    public static TeamsDigestAddress? From(Activity activity)
    {
        if (activity is not { ServiceUrl: { } serviceUrl, Conversation: { } where, Recipient: { } bot })
        {
            return null;
        }

        string conversationId = ConversationKey(where.Id);
        string? channel = where.ConversationType == "channel" ? ChannelData(activity, "channel") ?? conversationId : null;
        return new TeamsDigestAddress(serviceUrl, conversationId, where.ConversationType,
            where.TenantId ?? ChannelData(activity, "tenant"), channel, ChannelData(activity, "team"), bot.Id, bot.Name);
    }

    /// <summary>The conversation a digest subscription belongs to: a channel thread counts as its channel.</summary>
    public static string ConversationKey(string conversationId)
    {
        int thread = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    public string ToJson() => JsonSerializer.Serialize(this, BotJson.Options);

    /// <summary>Reads a stored reference; throws when it is missing or not one.</summary>
    public static TeamsDigestAddress Parse(string? json)
    {
        TeamsDigestAddress? address = null;
        if (json is { Length: > 0 and <= MaxLength })
        {
            try
            {
                address = JsonSerializer.Deserialize<TeamsDigestAddress>(json, BotJson.Options);
            }
            catch (JsonException)
            {
                address = null;
            }
        }

        return address is { ServiceUrl.Length: > 0, ConversationId.Length: > 0, BotId.Length: > 0 }
            ? address
            : throw new InvalidOperationException("The subscription holds no Teams address; subscribe again with 'digest on'.");
    }

    private static string? ChannelData(Activity activity, string property) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
