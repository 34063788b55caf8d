using System.Text.Json;

namespace BriefBot.Channels.BotFramework;

/// <summary>Reads an activity from a request body within hard limits; anything else is a clear 400.</summary>
internal static class ActivityReader
{
    /// <summary>The largest activity accepted; Teams messages are capped near 100 KB.</summary>
    public const int MaxBytes = 128 * 1024;
    private const int MaxIdLength = 1024;
    private const int MaxTextLength = 32 * 1024;

    public static async Task<(Activity? Activity, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, $"The activity is larger than {MaxBytes} bytes.");
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, $"The activity is larger than {MaxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), BotJson.Options);
        }
        catch (JsonException)
        {
            return (null, "The body is not a JSON activity.");
        }

        return activity is null ? (null, "The body is not a JSON activity.") : (activity, Problem(activity));
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

        if ((activity.Conversation?.Id.Length ?? 0) > MaxIdLength || (activity.Id?.Length ?? 0) > MaxIdLength)
        {
            return $"Ids are limited to {MaxIdLength} characters.";
        }

        if ((activity.Text?.Length ?? 0) > MaxTextLength)
        {
            return $"The text is limited to {MaxTextLength} characters.";
        }

        bool conversational = activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke;
        if (conversational && (activity.ServiceUrl is null || activity.Conversation is null || activity.Recipient is null || activity.From is null))
        {
            return "The activity needs serviceUrl, conversation, from and recipient.";
        }

        return null;
    }
}
