using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Channels.Slack;

namespace BriefBot.Bench.EndToEnd;

/// <summary>
/// Slack: signed <c>app_mention</c> events to <c>/slack/events</c>; replies arrive as <c>chat.postMessage</c> at a
/// fake Slack Web API. Each turn's channel is its key.
/// </summary>
internal sealed class SlackScenario : IChannelScenario
{
    private const string SigningSecret = "bench-signing-secret";
    private const string BotToken = "xoxb-bench-bot-token";
    private const string BotUser = "UBENCHBOT";
    private const int MaxBodyBytes = 64 * 1024;

    private static readonly SlackMessage FloorReply = new("The floor's constant reply.", []);

    private readonly ReplySink _sink;
    private long _events;

    private SlackScenario(ReplySink sink) => _sink = sink;

    public string Name => "Slack";

    public string ProductRoute => "/slack/events";

    public string FloorRoute => "/bench/floor/slack/events";

    public IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:ApiBaseUrl"] = new Uri(_sink.BaseUrl, "api/").ToString(),
        ["Slack:ResponseUrlBase"] = ResponseUrlBase.ToString(),
    };

    public static async Task<SlackScenario> StartAsync()
    {
        var sink = await ReplySink.StartAsync((app, sink) => app.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            var body = await ReplySink.ReadJsonAsync(request);
            if (method != "chat.postMessage" || request.Headers.Authorization != "Bearer " + BotToken)
            {
                return Results.Json(new { ok = false, error = "invalid_auth" });
            }

            string? channel = body["channel"]?.GetValue<string>();
            sink.Arrived(channel ?? "");
            return Results.Json(new { ok = true, channel, ts = "1700000000.000001" });
        }));
        return new SlackScenario(sink);
    }

    public async Task<Turn> SendAsync(HttpClient client, string route, string conversation, string question, CancellationToken cancellationToken)
    {
        long n = Interlocked.Increment(ref _events);
        string ts = string.Create(CultureInfo.InvariantCulture, $"1700000000.{n:D6}");
        var envelope = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "TBENCH",
            ["event_id"] = $"Ev{n:D10}",
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = BotUser, ["is_bot"] = true }),
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "UASKER",
                ["text"] = $"<@{BotUser}> {question}",
                ["ts"] = ts,
                ["channel"] = conversation,
                ["event_ts"] = ts,
            },
        };
        byte[] body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Sign(request, body, DateTimeOffset.UtcNow);

        var reply = _sink.Expect(conversation);
        using var response = await client.SendAsync(request, cancellationToken);
        return new Turn(conversation, (int)response.StatusCode, reply);
    }

    public long UnexpectedReplies => _sink.Unexpected;

    public void Forget(Turn turn) => _sink.Forget(turn.Key);

    public async Task HandleFloorAsync(HttpContext http)
    {
        if (http.Request.ContentLength is null or > MaxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        byte[] body = buffer.ToArray();
        var verifier = http.RequestServices.GetRequiredService<SlackSignatureVerifier>();
        if (verifier.Check(http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader], body) != SignatureCheck.Valid)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var envelope = JsonSerializer.Deserialize<SlackEnvelope>(body, SlackJson.Inbound);
        if (envelope is not null && SlackQuestionReader.TryRead(envelope, out var question))
        {
            var slack = http.RequestServices.GetRequiredService<SlackWebApi>();
            await slack.PostAsync(question.Channel, question.ThreadTs, FloorReply, new SlackPostId(question.EventId + "/1", question.ThreadTs), http.RequestAborted);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Signs <paramref name="request"/> over <paramref name="body"/> as Slack would, at <paramref name="at"/>.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, DateTimeOffset at)
    {
        string timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, Sign(timestamp, body));
    }

    /// <summary>Where slash-command answers may go (under Slack:ResponseUrlBase).</summary>
    public Uri ResponseUrlBase => new(_sink.BaseUrl, "response/");

    private static string Sign(string timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.ASCII.GetBytes($"v0:{timestamp}:"), .. body];
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), signed));
    }

    public ValueTask DisposeAsync() => _sink.DisposeAsync();
}
