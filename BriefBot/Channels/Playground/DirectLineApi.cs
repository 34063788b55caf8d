using System.Text.Json.Nodes;
using BriefBot.Channels.BotFramework;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BriefBot.Channels.Playground;

/// <summary>
/// The part of Direct Line 3.0 that Web Chat uses when it polls (<c>webSocket: false</c>): start a conversation (or
/// resume it with its token), refresh the token, post an activity, and get activities after a watermark.
/// Every call but the first start carries the conversation's token as a bearer token.
/// </summary>
internal static class DirectLineApi
{
    private const int MaxTextLength = 4000;
    private const int MaxUserIdLength = 256;
    private const int MaxShortLength = 128;

    public sealed record ConversationStarted(string ConversationId, string Token, int Expires_in);

    public sealed record ActivitySet(IReadOnlyList<JsonNode> Activities, string Watermark);

    public sealed record PostedActivity(string Id);

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
        string id, JsonObject activity, HttpRequest request, PlaygroundStore store, PlaygroundBot bot, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (store.Find(id, Bearer(request)) is not { } conversation)
        {
            return Forbidden();
        }

        if (Problem(activity) is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "The activity cannot be read.");
        }

        var from = new ChannelAccount(Text(From(activity)?["id"]) ?? "user", Text(From(activity)?["name"]));
        string type = Text(activity["type"])!;
        string? text = Text(activity["text"]);
        string? locale = Text(activity["locale"]);

        // Only what Web Chat shows is kept, so a stored activity stays small. The echo keeps
        // channelData.clientActivityID: Web Chat marks its message as sent when it sees that come back.
        string activityId = conversation.Add(new JsonObject
        {
            ["type"] = type,
            ["text"] = text,
            ["textFormat"] = Text(activity["textFormat"]),
            ["locale"] = locale,
            ["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = PlaygroundBot.Account.Id, ["name"] = PlaygroundBot.Account.Name, ["role"] = "bot" },
            ["channelData"] = new JsonObject
            {
                ["clientActivityID"] = Text(ChannelData(activity)?["clientActivityID"]),
                ["clientTimestamp"] = Text(ChannelData(activity)?["clientTimestamp"]),
            },
        });
        if (type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(text))
        {
            await AnswerAsync(bot, new Activity
            {
                Type = ActivityTypes.Message,
                Id = activityId,
                ServiceUrl = PlaygroundTransport.ServiceUrl,
                ChannelId = PlaygroundBot.ChannelId,
                From = from,
                Recipient = PlaygroundBot.Account,
                Conversation = new ConversationAccount(conversation.Id, IsGroup: false, ConversationType: "personal"),
                Text = text,
                Locale = locale,
            }, logs, cancellationToken);
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

    private static string? Problem(JsonObject activity)
    {
        if (Text(activity["type"]) is not { Length: > 0 })
        {
            return "The activity has no type.";
        }

        if ((Text(activity["text"])?.Length ?? 0) > MaxTextLength)
        {
            return $"The text is limited to {MaxTextLength} characters.";
        }

        if ((Text(activity["type"])?.Length ?? 0) > MaxShortLength || (Text(activity["locale"])?.Length ?? 0) > MaxShortLength
            || (Text(ChannelData(activity)?["clientActivityID"])?.Length ?? 0) > MaxShortLength
            || (Text(ChannelData(activity)?["clientTimestamp"])?.Length ?? 0) > MaxShortLength)
        {
            return $"The type, locale and channelData values are limited to {MaxShortLength} characters.";
        }

        if ((Text(From(activity)?["id"])?.Length ?? 0) > MaxUserIdLength || (Text(From(activity)?["name"])?.Length ?? 0) > MaxUserIdLength)
        {
            return $"The user's id and name are limited to {MaxUserIdLength} characters.";
        }

        return null;
    }

    /// <summary>A string value, or null for anything else (a number, an object, a missing field).</summary>
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static ConversationStarted Started(PlaygroundConversation conversation, PlaygroundStore store) =>
        new(conversation.Id, conversation.Token, (int)store.IdleLimit.TotalSeconds);

    private static JsonObject? From(JsonObject activity) => activity["from"] as JsonObject;

    private static JsonObject? ChannelData(JsonObject activity) => activity["channelData"] as JsonObject;

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem("The token does not belong to a live playground conversation.", statusCode: StatusCodes.Status403Forbidden);

    private static string? Bearer(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
