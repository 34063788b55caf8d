using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using OpenAI;
using OpenAI.Chat;

namespace BriefBot.Search.Rephrasing;

/// <summary>Builds the chat client for the configured service: Azure OpenAI or an OpenAI-compatible server.</summary>
internal static class ChatClients
{
    public static ChatClient Create(RephrasingOptions options)
    {
        // The client's own retries stay few and fast; the rephraser's time budget bounds them all.
        var retry = new ClientRetryPolicy(options.MaxRetries);
        if (options.IsAzure)
        {
            var azureOptions = new AzureOpenAIClientOptions { RetryPolicy = retry, NetworkTimeout = options.Timeout };
            var azure = string.IsNullOrWhiteSpace(options.ApiKey)
                ? new AzureOpenAIClient(options.Endpoint, new DefaultAzureCredential(), azureOptions)
                : new AzureOpenAIClient(options.Endpoint, new ApiKeyCredential(options.ApiKey), azureOptions);
            return azure.GetChatClient(options.Deployment);
        }

        var openAIOptions = new OpenAIClientOptions { Endpoint = options.Endpoint, RetryPolicy = retry, NetworkTimeout = options.Timeout };
        return new OpenAIClient(new ApiKeyCredential(options.ApiKey!), openAIOptions).GetChatClient(options.Model);
    }
}
