namespace BriefBot.Search.Rephrasing;

/// <summary>
/// Where the language model lives and how much it may take. Exactly one of <see cref="Deployment"/> (Azure OpenAI)
/// or <see cref="Model"/> (an OpenAI-compatible server such as Ollama or vLLM) is set.
/// </summary>
public sealed record RephrasingOptions
{
    /// <summary>
    /// The service's base address: <c>https://my-resource.openai.azure.com/</c> for Azure OpenAI, or the server's
    /// <c>/v1</c> address (<c>http://127.0.0.1:11434/v1</c>) for an OpenAI-compatible server.
    /// </summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The Azure OpenAI deployment name; selects Azure OpenAI.</summary>
    public string? Deployment { get; init; }

    /// <summary>The model name on an OpenAI-compatible server; selects that mode.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Azure: sent as the <c>api-key</c> header; when empty, Microsoft Entra ID through <c>DefaultAzureCredential</c>.
    /// OpenAI-compatible: sent as the bearer token (required).
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>The whole budget for one rephrasing, retries included; past it the extractive answer stands.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Retries of a 429, a 5xx or a dropped connection, all within <see cref="Timeout"/>.</summary>
    public int MaxRetries { get; init; } = 1;

    /// <summary>Replies longer than this many characters are refused.</summary>
    public int MaxAnswerLength { get; init; } = 800;

    /// <summary>How many passages (the cited one first, then related ones) the model sees.</summary>
    public int MaxPassages { get; init; } = 4;

    /// <summary>True in Azure OpenAI mode (a deployment is named).</summary>
    public bool IsAzure => !string.IsNullOrWhiteSpace(Deployment);

    internal void Validate()
    {
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The endpoint must be an absolute http or https address.", nameof(Endpoint));
        }

        if (string.IsNullOrWhiteSpace(Deployment) == string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("Set exactly one of Deployment (Azure OpenAI) or Model (an OpenAI-compatible server).");
        }

        if (!IsAzure && string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("An OpenAI-compatible server needs an API key (sent as the bearer token).", nameof(ApiKey));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Timeout, TimeSpan.FromMilliseconds(100));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Timeout, TimeSpan.FromMinutes(2));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAnswerLength, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPassages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPassages, 10);
    }
}
