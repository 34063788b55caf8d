using System.Globalization;
using System.Text;
using System.Text.Json;
using BriefBot.Conversation;
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

    public static async Task<Results<Ok, BadRequest<string>>> HandleAsync(
        HttpContext http, FeedbackStore feedback, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(SlackSignatureFilter.VerifiedBody(http)));
        SlackInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<SlackInteraction>(form["payload"].ToString(), SlackJson.Options);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest("The form field 'payload' is not Slack interaction JSON.");
        }

        if (interaction?.Type != "block_actions")
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
