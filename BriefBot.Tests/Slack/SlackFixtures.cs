using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BriefBot.Tests.Slack;

/// <summary>The Slack payloads in TestData/Slack, and Slack's way of signing a request.</summary>
public static class SlackFixtures
{
    public const string SigningSecret = "test-signing-secret-8f742231b10e";
    public const string SeedQuestion = "What did Xi pledge to send to Ukraine?";
    public const string SeedQuoteFragment = "special representatives";

    public const string AppMention = "event_callback__app_mention__EventRequestTest_L15.json";
    public const string AppMentionWithAuthorizations = "event_callback__app_mention__EventRequestTest_L144.json";
    public const string AppMentionFromABot = "event_callback__app_mention__bot_message__EventRequestTest_L57.json";
    public const string DirectMessage = "event__message__im__MessageEventTest_L132.json";
    public const string DirectMessageInAThread = "event__message__im__EventAssistantTest_L111.json";
    public const string ChannelBotMessage = "event__message__channel__bot_message__MessageEventTest_L202.json";
    public const string EditedDirectMessage = "event__message__im__message_changed__EventAssistantTest_L154.json";
    public const string UrlVerification = "url_verification__UrlVerificationPayloadTest_L14.json";
    public const string SigningExample = "request_signing_example.json";

    public static string Read(string name) => File.ReadAllText(Path.Combine(TestPaths.TestData, "Slack", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Read(name))!.AsObject();

    /// <summary>A full <c>event_callback</c> envelope: the file itself, or a bare event wrapped in the app_mention envelope.</summary>
    public static JsonObject Envelope(string name, string? eventId = null)
    {
        var json = Json(name);
        if (json["type"]?.GetValue<string>() != "event_callback")
        {
            var envelope = Json(AppMention);
            envelope["event"] = json;
            json = envelope;
        }

        if (eventId is not null)
        {
            json["event_id"] = eventId;
        }

        return json;
    }

    /// <summary>A direct message from a person in its own channel, as a barrier or a plain question.</summary>
    public static JsonObject DirectMessageIn(string channel, string text, string eventId)
    {
        var envelope = Envelope(DirectMessage, eventId);
        envelope["event"]!["channel"] = channel;
        envelope["event"]!["text"] = text;
        return envelope;
    }

    public static string Sign(string secret, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "v0=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
    }

    /// <summary>A POST signed now with <paramref name="secret"/>, as Slack sends it.</summary>
    public static HttpRequestMessage Signed(string path, string body, string mediaType, string secret = SigningSecret, DateTimeOffset? at = null)
    {
        string timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(secret, timestamp, body));
        return request;
    }

    public static HttpRequestMessage SignedEvent(JsonObject envelope, int? retryNum = null, DateTimeOffset? at = null)
    {
        var request = Signed("/slack/events", envelope.ToJsonString(), "application/json", at: at);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    private static long _triggers;

    /// <summary>
    /// The form Slack posts for <c>/brief {text}</c> typed in <paramref name="channel"/>; each one, as each time a
    /// user types it, with a trigger id of its own.
    /// </summary>
    public static string SlashCommand(string text, string channel, Uri responseUrl) => Form(
        ("token", "legacy-fixed-value"), ("team_id", "T123"), ("team_domain", "example"), ("channel_id", channel),
        ("channel_name", "general"), ("user_id", "U2147483697"), ("user_name", "someone"), ("command", "/brief"),
        ("text", text), ("response_url", responseUrl.ToString()), ("trigger_id", $"13345224609.738474920.{Interlocked.Increment(ref _triggers):x}"));

    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
}
