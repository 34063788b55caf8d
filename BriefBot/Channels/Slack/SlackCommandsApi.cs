using System.Text;
using System.Text.Json.Nodes;
using BriefBot.Answers;
using BriefBot.Conversation;
using BriefBot.Hosting;
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

    /// <summary>The fields Slack sends with every command; <c>text</c> may be empty, the others may not.</summary>
    private static readonly string[] Fields = ["text", "channel_id", "user_id", "response_url"];
    private const int MaxIdLength = 64;

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult, StatusCodeHttpResult>> HandleAsync(
        HttpContext http, SlackQueue queue, SlackConversation conversation, IOptions<SlackOptions> slack,
        IOptions<SearchOptions> search, CancellationToken cancellationToken)
    {
        if (RequestBody.RequireMediaType(http.Request, RequestBody.Form) is { } unsupported)
        {
            return unsupported;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(SlackSignatureFilter.VerifiedBody(http)));
        // The parsed form is a dictionary: a field that is not there is not a key, so every read goes through TryGetValue.
        if (Fields.FirstOrDefault(f => !form.TryGetValue(f, out var value) || value.Count != 1 || (f != "text" && value[0] is not { Length: > 0 })) is { } missing)
        {
            return BadRequest($"A slash command needs exactly one '{missing}' field{(missing == "text" ? "" : ", not empty")}.");
        }

        string text = form["text"].ToString().Trim();
        string channel = form["channel_id"].ToString();
        string user = form["user_id"].ToString();
        if (channel.Length > MaxIdLength || user.Length > MaxIdLength)
        {
            return BadRequest($"channel_id and user_id are limited to {MaxIdLength} characters.");
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
            return BadRequest("The response_url is not a Slack response URL.");
        }

        if (!queue.TryEnqueue(new SlackJob(message, new SlackResponseUrl(responseUrl), EventId: null)))
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Ephemeral(new JsonObject { ["text"] = Searching });
    }

    private static ProblemHttpResult BadRequest(string detail) => RequestBody.Problem(StatusCodes.Status400BadRequest, detail);

    private static Ok<JsonObject> Ephemeral(JsonObject message)
    {
        message["response_type"] = "ephemeral";
        return TypedResults.Ok(message);
    }
}
