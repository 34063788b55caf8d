using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BriefBot.Bench.EndToEnd;

namespace BriefBot.Bench.Fuzz;

/// <summary>
/// The routes under fuzz and how each request is made real before it is mutated: fresh conversation, channel and
/// event ids (so that no id is answered twice and Slack's per-channel pacing never queues), the fake Connector's
/// service URL and the fake Slack's response URL; then signed as the channel signs (a valid channel token, a valid
/// Slack signature, the Direct Line conversation's token) unless the mutation breaks the signature.
/// </summary>
internal sealed class FuzzTargets(TeamsScenario teams, SlackScenario slack, string directLineConversation, string directLineToken)
{
    public const string Messages = "/api/messages";
    public const string Ask = "/api/ask";
    public const string SlackEvents = "/slack/events";
    public const string SlackCommands = "/slack/commands";
    public const string SlackInteractions = "/slack/interactions";
    public const string DirectLine = "/v3/directline/conversations/{id}/activities";

    public static readonly string[] Routes = [Messages, Ask, SlackEvents, SlackCommands, SlackInteractions, DirectLine];

    /// <summary>The seed's content, made fresh for request <paramref name="n"/>.</summary>
    public JsonObject Prepare(string route, Seed seed, long n)
    {
        var content = (JsonObject)seed.Content.DeepClone();
        switch (route)
        {
            case Messages:
                content["serviceUrl"] = teams.ServiceUrl;
                if (content["conversation"] is JsonObject conversation)
                {
                    conversation["id"] = $"a:fuzz-{n}";
                }

                break;
            case SlackEvents:
                content["event_id"] = $"EvFuzz{n}";
                if (content["event"] is JsonObject e)
                {
                    e["channel"] = $"CFUZZ{n}";
                    e["ts"] = $"1700000000.{n:D6}";
                }

                break;
            case SlackCommands:
                content["channel_id"] = $"CFUZZ{n}";
                content["response_url"] = new Uri(slack.ResponseUrlBase, $"T1/{n}/fuzz").ToString();
                break;
        }

        return content;
    }

    public HttpRequestMessage Request(string route, FuzzRequest fuzz)
    {
        string path = route == DirectLine ? $"/v3/directline/conversations/{directLineConversation}/activities" : route;
        var content = new ByteArrayContent(fuzz.Body);
        if (fuzz.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };

        // A body the bot refuses from its headers must not race its upload.
        request.Headers.ExpectContinue = fuzz.Body.Length > 64 * 1024;
        switch (route)
        {
            case Messages:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fuzz.Signed ? teams.Token : teams.Token[..^4] + "AAAA");
                break;
            case DirectLine:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fuzz.Signed ? directLineToken : "not-the-token");
                break;
            case SlackEvents or SlackCommands or SlackInteractions:
                SlackScenario.Sign(request, fuzz.Signed ? fuzz.Body : [.. fuzz.Body, (byte)'x'], DateTimeOffset.UtcNow);
                break;
        }

        return request;
    }
}
