using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace BriefBot.Channels.BotFramework;

/// <summary>A Connector call that failed after the retries; the status says why.</summary>
internal sealed class ConnectorException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// The Bot Connector REST API (v3) at a conversation's service URL: reply, send, create a conversation, update.
/// Transient failures are retried by the HttpClient's resilience pipeline; see <see cref="BotFrameworkExtensions"/>.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, ConnectorTokens tokens, TrustedServiceUrls trust, ILogger<ConnectorClient> logger)
{
    public Task<ResourceResponse?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>("reply", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>("send", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    /// <summary>Starts a conversation; in a Teams channel (channelData.channel.id) that is a new thread.</summary>
    public Task<ConversationResourceResponse?> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync<ConversationResourceResponse>("create", HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);

    public Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>("update", HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    private async Task<T?> SendAsync<T>(string operation, HttpMethod method, string serviceUrl, string path, object body, CancellationToken cancellationToken)
    {
        if (!BotFrameworkOptions.IsSafeUrl(serviceUrl))
        {
            throw new ConnectorException(0, "The service URL is not an https URL.");
        }

        // The bot's token goes only where a channel token vouched; a reply without it only to this machine.
        string? token = await trust.IsTrustedAsync(serviceUrl, cancellationToken) ? await tokens.GetTokenAsync(cancellationToken) : null;
        if (token is null && !trust.TakesUnauthenticatedReplies(serviceUrl))
        {
            throw new ConnectorException(0, "The service URL did not arrive in a request a channel token vouched for, and is not on this machine; nothing is sent there.");
        }

        using var request = new HttpRequestMessage(method, new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path))
        {
            Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Connector {Operation} failed with {Status} at {ServiceUrl}", operation, (int)response.StatusCode, serviceUrl);
            throw new ConnectorException((int)response.StatusCode, $"The Connector answered {(int)response.StatusCode}.");
        }

        string json = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(json) ? default : System.Text.Json.JsonSerializer.Deserialize<T>(json, BotJson.Options);
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
