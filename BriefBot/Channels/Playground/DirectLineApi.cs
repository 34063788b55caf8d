using System.Text.Json.Nodes;
using BriefBot.Channels.BotFramework;
using BriefBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BriefBot.Channels.Playground;

/// <summary>
/// The part of Direct Line 3.0 that Web Chat uses when it polls (<c>webSocket: false</c>): start a conversation (or
/// resume it with its token), refresh the token, post an activity, and get activities after a watermark.
/// Every call but the first start carries the conversation's token as a bearer token.
/// </summary>
internal static class DirectLineApi
{
    public sealed record ConversationStarted(string ConversationId, string Token, int Expires_in);

    public sealed record ActivitySet(IReadOnlyList<JsonNode> Activities, string Watermark);

    public sealed record PostedActivity(string Id);

    /// <summary>Web Chat's message activities are small; the text itself is capped at <see cref="UserActivity.MaxTextLength"/>.</summary>
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly System.Text.Json.JsonSerializerOptions Json = JsonPayload.Strict(System.Text.Json.JsonSerializerOptions.Web);

    public static Results<Created<ConversationStarted>, ProblemHttpResult> Start(HttpRequest request, PlaygroundStore store)
    {
        string? token = Bearer(request);
        var conversation = token is null ? store.Start() : store.FindByToken(token);
        if (conversation is null)
        {
            return token is null
                ? TypedResults.Problem("Too many playground conversations are open; try again later.", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Forbidden();
        }

        return TypedResults.Created($"/v3/directline/conversations/{conversation.Id}", Started(conversation, store));
    }

    public static Results<Ok<ConversationStarted>, ProblemHttpResult> Refresh(HttpRequest request, PlaygroundStore store) =>
        store.FindByToken(Bearer(request)) is { } conversation ? TypedResults.Ok(Started(conversation, store)) : Forbidden();

    public static Results<Ok<ActivitySet>, ProblemHttpResult> Get(string id, string? watermark, HttpRequest request, PlaygroundStore store)
    {
        if (store.Find(id, Bearer(request)) is not { } conversation)
        {
            return Forbidden();
        }

        long from = 0;
        if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, out from) || from < 0))
        {
            return TypedResults.Problem("The watermark is not a number.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (activities, next) = conversation.Since(from);
        return TypedResults.Ok(new ActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static async Task<Results<Ok<PostedActivity>, ProblemHttpResult>> PostAsync(
        string id, HttpRequest request, PlaygroundStore store, PlaygroundBot bot, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (store.Find(id, Bearer(request)) is not { } conversation)
        {
            return Forbidden();
        }

        var (activity, unreadable) = await JsonPayload.ReadAsync<JsonObject>(request, Json, MaxBodyBytes, "The activity", cancellationToken);
        if (activity is null)
        {
            return unreadable!;
        }

        var (user, problem) = UserActivity.Read(activity);
        if (user is null || problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "The activity cannot be read.");
        }

        string activityId = conversation.Add(user.Echo());
        if (user.IsQuestion)
        {
            await AnswerAsync(bot, user.ForHandler(activityId, conversation.Id), logs, cancellationToken);
        }

        return TypedResults.Ok(new PostedActivity(activityId));
    }

    private static async Task AnswerAsync(PlaygroundBot bot, Activity activity, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        try
        {
            await bot.HandleAsync(activity, cancellationToken);
        }
        catch (ConnectorException e)
        {
            logs.CreateLogger(typeof(DirectLineApi).FullName!)
                .LogWarning("The playground could not take the reply in conversation {ConversationId}: {Status}", activity.Conversation!.Id, e.Status);
        }
    }

    private static ConversationStarted Started(PlaygroundConversation conversation, PlaygroundStore store) =>
        new(conversation.Id, conversation.Token, (int)store.IdleLimit.TotalSeconds);

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem("The token does not belong to a live playground conversation.", statusCode: StatusCodes.Status403Forbidden);

    private static string? Bearer(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
