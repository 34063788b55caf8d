using System.Text;
using System.Text.Json.Nodes;
using BriefBot.Answers;
using BriefBot.Conversation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>
/// <c>POST /slack/commands</c>, the <c>/brief</c> slash command. <c>/brief help</c>, <c>/brief sources</c> and
/// <c>/brief digest on|off</c> are answered in the acknowledgement itself; a question or <c>/brief digest now</c> is
/// acknowledged with an ephemeral "searching…" at once and answered to the command's <c>response_url</c> from the
/// queue.
/// </summary>
internal static class SlackCommandsApi
{
    public const string Searching = "Searching the sources…";

    public static async Task<Results<Ok<JsonObject>, BadRequest<string>, StatusCodeHttpResult>> HandleAsync(
        HttpContext http, SlackQueue queue, SlackConversation conversation, IOptions<SlackOptions> slack,
        IOptions<SearchOptions> search, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(SlackSignatureFilter.VerifiedBody(http)));
        string text = form["text"].ToString().Trim();
        string channel = form["channel_id"].ToString();
        string user = form["user_id"].ToString();
        if (string.IsNullOrEmpty(channel) || channel.Length > 64 || user.Length > 64)
        {
            return TypedResults.BadRequest("A slash command needs channel_id and user_id.");
        }

        var message = new IncomingMessage(SlackConversation.Channel, channel, user, text.Length == 0 ? "help" : text);
        if (SlackConversation.AnswersAtOnce(message.Text))
        {
            var reply = await conversation.HandleAsync(message, cancellationToken);
            return Ephemeral(SlackBlocks.Render(reply).ToJson());
        }

        if (text.Length > search.Value.MaxQuestionLength)
        {
            return Ephemeral(new JsonObject { ["text"] = $"The question has {text.Length} characters; the limit is {search.Value.MaxQuestionLength}." });
        }

        if (!Uri.TryCreate(form["response_url"].ToString(), UriKind.Absolute, out var responseUrl)
            || !slack.Value.ResponseUrlBase.IsBaseOf(responseUrl))
        {
            return TypedResults.BadRequest("The response_url is missing or is not a Slack response URL.");
        }

        if (!queue.TryEnqueue(new SlackJob(message, new SlackResponseUrl(responseUrl), EventId: null)))
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Ephemeral(new JsonObject { ["text"] = Searching });
    }

    private static Ok<JsonObject> Ephemeral(JsonObject message)
    {
        message["response_type"] = "ephemeral";
        return TypedResults.Ok(message);
    }
}
