using System.Text.Json;

namespace BriefBot.Tests.Fakes;

/// <summary>What the bot sent to the fake Connector, and the status the fake answered with.</summary>
/// <param name="Operation">"reply", "send", "create" or "update".</param>
/// <param name="ConversationId">The conversation id from the route, unescaped.</param>
/// <param name="ActivityId">The activity id from the route (reply, update), unescaped.</param>
/// <param name="Authorization">The Authorization header as sent, or null.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Status">The status the fake answered with (a scripted fault, or 200).</param>
/// <param name="AnsweredId">The activity id the fake answered with (<c>{"id": …}</c>), null on a fault.</param>
/// <param name="Region">The first path segment of the service URL: "amer" (<see cref="FakeBotConnector.ServiceUrl"/>) or "emulator" (<see cref="FakeBotConnector.EmulatorServiceUrl"/>).</param>
public sealed record ConnectorRequest(
    string Operation, string? ConversationId, string? ActivityId, string? Authorization, JsonElement Body, int Status, string? AnsweredId = null, string Region = "amer")
{
    /// <summary>The activity's type ("message", "typing") or, for create, the first activity's type.</summary>
    public string? ActivityType =>
        (Operation == "create" && Body.TryGetProperty("activity", out var a) ? a : Body).TryGetProperty("type", out var t) ? t.GetString() : null;

    public bool Landed => Status is >= 200 and < 300;

    /// <summary>The first Adaptive Card attached, if any.</summary>
    public JsonElement? Card =>
        Body.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
            ? attachments[0].GetProperty("content")
            : null;
}
