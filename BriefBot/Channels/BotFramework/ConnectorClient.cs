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
    private static readonly HttpRequestOptionsKey<bool> BestEffortKey = new("BriefBot.Connector.BestEffort");

    /// <summary>Whether a request was sent as a courtesy (typing): then an attempt that timed out is not made again.</summary>
    public static bool IsBestEffort(HttpRequestMessage? request) => request?.Options.TryGetValue(BestEffortKey, out bool yes) == true && yes;

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
        request.Options.Set(BestEffortKey, body is Activity { Type: ActivityTypes.Typing });
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await SendAsync(operation, request, serviceUrl, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Connector {Operation} failed with {Status} at {ServiceUrl}", operation, (int)response.StatusCode, serviceUrl);
            throw new ConnectorException((int)response.StatusCode, $"The Connector answered {(int)response.StatusCode}.");
        }

        string json = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(json) ? default : System.Text.Json.JsonSerializer.Deserialize<T>(json, BotJson.Options);
    }

    /// <summary>The call with its retries; a timeout or a broken connection after them is a <see cref="ConnectorException"/> like any failure.</summary>
    private async Task<HttpResponseMessage> SendAsync(string operation, HttpRequestMessage request, string serviceUrl, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is Polly.Timeout.TimeoutRejectedException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Connector {Operation} at {ServiceUrl} did not answer: {Error}", operation, serviceUrl, ex.GetType().Name);
            throw new ConnectorException(0, $"The Connector did not answer ({ex.GetType().Name}).");
        }
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
