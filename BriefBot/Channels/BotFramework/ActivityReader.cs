using BriefBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BriefBot.Channels.BotFramework;

/// <summary>Reads an activity from a request body within hard limits; anything else is problem details, never a 500.</summary>
internal static class ActivityReader
{
    /// <summary>The largest activity accepted; Teams messages are capped near 100 KB.</summary>
    public const int MaxBytes = 128 * 1024;
    private const int MaxIdLength = 1024;
    private const int MaxTextLength = 32 * 1024;

    /// <summary>The activity, or the problem details to answer (400, 413, 415).</summary>
    public static async Task<(Activity? Activity, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (activity, problem) = await JsonPayload.ReadAsync<Activity>(request, BotJson.Inbound, MaxBytes, "The activity", cancellationToken);
        if (activity is null)
        {
            return (null, problem);
        }

        return Problem(activity) is { } invalid ? (null, RequestBody.Problem(StatusCodes.Status400BadRequest, invalid)) : (activity, null);
    }

    private static string? Problem(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (activity.ServiceUrl is not null && !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return "The activity's serviceUrl is not an absolute URL.";
        }

        // Ids go into Connector URLs and the database: bounded, and printable.
        string?[] ids = [activity.Id, activity.Conversation?.Id, activity.From?.Id, activity.Recipient?.Id, activity.ReplyToId];
        if (ids.Any(id => id is not null && (id.Length > MaxIdLength || id.Any(char.IsControl))))
        {
            return $"Ids are limited to {MaxIdLength} characters, none of them a control character.";
        }

        if ((activity.Text?.Length ?? 0) > MaxTextLength)
        {
            return $"The text is limited to {MaxTextLength} characters.";
        }

        bool conversational = activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke;
        if (conversational && (activity.ServiceUrl is null || activity.Conversation is not { Id.Length: > 0 }
            || activity.Recipient is not { Id.Length: > 0 } || activity.From is not { Id.Length: > 0 }))
        {
            return "The activity needs serviceUrl, and conversation, from and recipient with an id each.";
        }

        return null;
    }
}
