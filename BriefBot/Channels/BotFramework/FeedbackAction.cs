using System.Text.Json;
using BriefBot.Conversation;

namespace BriefBot.Channels.BotFramework;

/// <summary>The body of the HTTP 200 that answers an <c>adaptiveCard/action</c> invoke; <see cref="StatusCode"/> is the real result.</summary>
internal sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object Value)
{
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, "application/vnd.microsoft.activity.message", text);

    public static AdaptiveCardInvokeResponse Error(int status, string code, string message) =>
        new(status, "application/vnd.microsoft.error", new { code, message });
}

/// <summary>👍/👎 from an answer card (<c>Action.Execute</c>, verb <c>feedback</c>), stored with the question and answer.</summary>
internal sealed class FeedbackAction(FeedbackStore feedback, ILogger<FeedbackAction> logger)
{
    public const string InvokeName = "adaptiveCard/action";

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!TryRead(activity.Value, out long questionId, out bool helpful))
        {
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", "This card action is not one of BriefBot's.");
        }

        if (!await feedback.RecordAsync(questionId, activity.ChannelId ?? "msteams", activity.From?.Id, helpful, cancellationToken))
        {
            return AdaptiveCardInvokeResponse.Error(404, "NotFound", "That answer is no longer known.");
        }

        logger.LogInformation("Stored feedback on question {QuestionId}: {Helpful}", questionId, helpful);
        return AdaptiveCardInvokeResponse.Message(helpful ? "Thanks, glad it helped." : "Thanks, noted that it did not help.");
    }

    private static bool TryRead(JsonElement? value, out long questionId, out bool helpful)
    {
        questionId = 0;
        helpful = false;
        if (Object(value, "action") is not { } action
            || Text(action, "type") != "Action.Execute"
            || Text(action, "verb") != AnswerCard.FeedbackVerb
            || Object(action, "data") is not { } data
            || !data.TryGetProperty("questionId", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out questionId)
            || !data.TryGetProperty("helpful", out var vote) || vote.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        helpful = vote.GetBoolean();
        return true;
    }

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.String ? child.GetString() : null;
}
