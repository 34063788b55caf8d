using System.Text.Json;

namespace BriefBot.Channels.Slack;

/// <summary>The outer JSON of an Events API request: <c>url_verification</c> or <c>event_callback</c>.</summary>
internal sealed record SlackEnvelope(
    string? Type,
    string? Challenge,
    string? EventId,
    SlackEvent? Event,
    IReadOnlyList<SlackAuthorization>? Authorizations);

/// <summary>The fields of an <c>app_mention</c> or <c>message</c> event that BriefBot reads.</summary>
internal sealed record SlackEvent(
    string? Type,
    string? Subtype,
    string? User,
    string? BotId,
    string? Text,
    string? Ts,
    string? ThreadTs,
    string? Channel,
    string? ChannelType,
    JsonElement? Edited);

/// <summary>Who the event was delivered for; for a bot install, <see cref="UserId"/> is the bot's own user.</summary>
internal sealed record SlackAuthorization(string? UserId, bool IsBot);

/// <summary>The <c>payload</c> of an interactivity request (a button click is <c>block_actions</c>).</summary>
internal sealed record SlackInteraction(string? Type, SlackUser? User, IReadOnlyList<SlackAction>? Actions);

internal sealed record SlackUser(string? Id);

internal sealed record SlackAction(string? ActionId, string? Value);

/// <summary>Slack's JSON spelling: snake_case names.</summary>
internal static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
