using System.Globalization;
using System.Text;
using BriefBot.Conversation;
using BriefBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace BriefBot.Channels.Slack;

/// <summary>
/// <c>POST /slack/interactions</c>, the interactivity request URL: the 👍/👎 buttons under an answer
/// (<c>block_actions</c>) are stored as feedback on the question whose id the button carries.
/// </summary>
internal static class SlackInteractionsApi
{
    private const string LogCategory = "BriefBot.Channels.Slack.Interactions";

    public static async Task<Results<Ok, ProblemHttpResult>> HandleAsync(
        HttpContext http, FeedbackStore feedback, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (RequestBody.RequireMediaType(http.Request, RequestBody.Form) is { } unsupported)
        {
            return unsupported;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(SlackSignatureFilter.VerifiedBody(http)));
        if (!form.TryGetValue("payload", out var payloads) || payloads is not [{ Length: > 0 } payload])
        {
            return RequestBody.Problem(StatusCodes.Status400BadRequest, "An interaction needs exactly one form field 'payload'.");
        }

        var (interaction, problem) = JsonPayload.Read<SlackInteraction>(Encoding.UTF8.GetBytes(payload), SlackJson.Inbound, "The form field 'payload'");
        if (interaction is null)
        {
            return RequestBody.Problem(StatusCodes.Status400BadRequest, problem!);
        }

        if (interaction.Type != "block_actions")
        {
            return TypedResults.Ok();
        }

        var logger = loggers.CreateLogger(LogCategory);
        foreach (var action in interaction.Actions ?? [])
        {
            bool? helpful = action.ActionId switch
            {
                SlackBlocks.HelpfulAction => true,
                SlackBlocks.UnhelpfulAction => false,
                _ => null,
            };
            if (helpful is null || !long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long questionId))
            {
                continue;
            }

            bool known = await feedback.RecordAsync(questionId, "slack", interaction.User?.Id, helpful.Value, cancellationToken);
            logger.LogInformation("Slack feedback on question {QuestionId}: {Helpful} ({Outcome})", questionId, helpful, known ? "stored" : "unknown question");
        }

        return TypedResults.Ok();
    }
}
