using BriefBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BriefBot.Channels.Slack;

/// <summary>The answer to Slack's <c>url_verification</c> handshake.</summary>
internal sealed record SlackChallenge(string Challenge);

/// <summary>
/// <c>POST /slack/events</c>, the Events API request URL: verify (the filter), parse, claim the event id, queue,
/// and acknowledge with 200 at once; <see cref="SlackResponder"/> answers afterwards.
/// </summary>
internal static class SlackEventsApi
{
    private const int MaxChallengeLength = 256;
    private const string LogCategory = "BriefBot.Channels.Slack.Events";

    public static async Task<Results<Ok<SlackChallenge>, Ok, ProblemHttpResult, StatusCodeHttpResult>> HandleAsync(
        HttpContext http, SlackEventLog events, SlackQueue queue, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LogCategory);
        if (RequestBody.RequireMediaType(http.Request, RequestBody.Json) is { } unsupported)
        {
            return unsupported;
        }

        var (envelope, problem) = JsonPayload.Read<SlackEnvelope>(SlackSignatureFilter.VerifiedBody(http), SlackJson.Inbound, "The event envelope");
        if (envelope is null)
        {
            return RequestBody.Problem(StatusCodes.Status400BadRequest, problem!);
        }

        switch (envelope.Type)
        {
            case "url_verification" when envelope.Challenge is { Length: > 0 and <= MaxChallengeLength } challenge:
                return TypedResults.Ok(new SlackChallenge(challenge));
            case "url_verification":
                return RequestBody.Problem(StatusCodes.Status400BadRequest, "url_verification without a usable challenge.");
            case "event_callback" when SlackQuestionReader.TryRead(envelope, out var question):
                return await QueueAsync(question, http.Request.Headers["X-Slack-Retry-Num"], events, queue, logger, cancellationToken);
            default:
                logger.LogDebug("Ignored Slack {Type} {EventType} event {EventId}", envelope.Type, envelope.Event?.Type, envelope.EventId);
                return TypedResults.Ok();
        }
    }

    private static async Task<Results<Ok<SlackChallenge>, Ok, ProblemHttpResult, StatusCodeHttpResult>> QueueAsync(
        SlackQuestion question, string? retryNum, SlackEventLog events, SlackQueue queue, ILogger logger, CancellationToken cancellationToken)
    {
        if (!await events.TryClaimAsync(question, cancellationToken))
        {
            logger.LogInformation("Slack event {EventId} was already taken on (retry {RetryNum}); not answering again", question.EventId, retryNum);
            return TypedResults.Ok();
        }

        if (!queue.TryEnqueue(SlackResponder.ToJob(question)))
        {
            await events.ReleaseAsync(question.EventId, cancellationToken);
            logger.LogWarning("The Slack queue is full; refusing event {EventId} so that Slack delivers it again", question.EventId);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }
}
