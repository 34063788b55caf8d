using Microsoft.AspNetCore.Http.HttpResults;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: verify the token, read the activity, check it against the token, then either answer an
/// invoke on the spot or queue the activity and acknowledge at once; answers are posted through the Connector.
/// </summary>
internal static class MessagesApi
{
    public static async Task<Results<Ok, Ok<AdaptiveCardInvokeResponse>, UnauthorizedHttpResult, ProblemHttpResult, StatusCodeHttpResult>> HandleAsync(
        HttpRequest request, ChannelTokenValidator tokens, TrustedServiceUrls trust, ActivityQueue queue, FeedbackAction feedback,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var identity = await tokens.AuthenticateAsync(request.Headers.Authorization, cancellationToken);
        if (identity is null)
        {
            return TypedResults.Unauthorized();
        }

        var (activity, problem) = await ActivityReader.ReadAsync(request, cancellationToken);
        if (activity is null)
        {
            return problem!;
        }

        var logger = logs.CreateLogger(typeof(MessagesApi).FullName!);
        if (identity.Mismatch(activity) is { } mismatch)
        {
            logger.LogWarning("Refused activity {ActivityId}: {Reason}", activity.Id, mismatch);
            return TypedResults.Unauthorized();
        }

        if (identity.VouchesForServiceUrl && activity.ServiceUrl is not null)
        {
            trust.Trust(activity.ServiceUrl);
        }

        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == FeedbackAction.InvokeName:
                return TypedResults.Ok(await feedback.HandleAsync(activity, cancellationToken));
            case ActivityTypes.Invoke:
                return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
            case ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                if (!queue.TryEnqueue(activity))
                {
                    logger.LogWarning("Refused activity {ActivityId} in {ConversationId}: too many activities are waiting", activity.Id, activity.Conversation?.Id);
                    return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                return TypedResults.Ok();
            default:
                return TypedResults.Ok();
        }
    }
}
