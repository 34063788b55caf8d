using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BriefBot.Channels.Playground;

/// <summary>
/// The playground's Bot Connector: the transport under the playground's own <see cref="BotFramework.ConnectorClient"/>.
/// The bot's replies and typing (Connector v3 <c>POST …/conversations/{id}/activities[/{replyTo}]</c>) land in the
/// playground's conversation store instead of going out to a channel; no request leaves the process.
/// </summary>
internal sealed partial class PlaygroundTransport(PlaygroundStore store) : HttpMessageHandler
{
    /// <summary>
    /// The service URL playground activities carry: https (so the Connector client accepts it) on a reserved
    /// <c>.invalid</c> name that can never resolve, so it could not reach a real host even if misrouted.
    /// </summary>
    public const string ServiceUrl = "https://playground.invalid/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var match = request.RequestUri is { } uri && uri.Host == "playground.invalid"
            ? ActivitiesPath().Match(uri.AbsolutePath)
            : Match.Empty;
        if (!match.Success || request.Method != HttpMethod.Post || request.Content is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var conversation = store.FindForBot(Uri.UnescapeDataString(match.Groups["conversation"].Value));
        if (conversation is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var activity = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        if (activity is null)
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        if (activity["from"] is JsonObject from)
        {
            from["role"] = "bot";
        }

        string id = conversation.Add(activity);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { id }) };
    }

    [GeneratedRegex("^/v3/conversations/(?<conversation>[^/]+)/activities(/[^/]+)?$")]
    private static partial Regex ActivitiesPath();
}
