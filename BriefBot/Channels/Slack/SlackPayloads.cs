using System.Text.Json;

namespace BriefBot.Channels.Slack;

/// <summary>The outer JSON of an Events API request: <c>url_verification</c> or <c>event_callback</c>.</summary>
internal sealed record SlackEnvelope(
    string? Type = null,
    string? Challenge = null,
    string? EventId = null,
    SlackEvent? Event = null,
    IReadOnlyList<SlackAuthorization>? Authorizations = null);

/// <summary>The fields of an <c>app_mention</c> or <c>message</c> event that BriefBot reads.</summary>
internal sealed record SlackEvent(
    string? Type = null,
    string? Subtype = null,
    string? User = null,
    string? BotId = null,
    string? Text = null,
    string? Ts = null,
    string? ThreadTs = null,
    string? Channel = null,
    string? ChannelType = null,
    JsonElement? Edited = null);

/// <summary>Who the event was delivered for; for a bot install, <see cref="UserId"/> is the bot's own user.</summary>
internal sealed record SlackAuthorization(string? UserId = null, bool IsBot = false);

/// <summary>The <c>payload</c> of an interactivity request (a button click is <c>block_actions</c>).</summary>
internal sealed record SlackInteraction(string? Type = null, SlackUser? User = null, IReadOnlyList<SlackAction>? Actions = null);

internal sealed record SlackUser(string? Id = null);

internal sealed record SlackAction(string? ActionId = null, string? Value = null);

/// <summary>Slack's JSON spelling (snake_case names), strict as all outside input is (<see cref="Hosting.JsonPayload.Strict"/>).</summary>
internal static class SlackJson
{
    public static readonly JsonSerializerOptions Inbound = Hosting.JsonPayload.Strict(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    });
}
