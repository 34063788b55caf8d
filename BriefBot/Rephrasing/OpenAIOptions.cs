using System.ComponentModel.DataAnnotations;
using BriefBot.Search.Rephrasing;
using Microsoft.Extensions.Options;

namespace BriefBot.Rephrasing;

/// <summary>The "OpenAI" configuration section: the optional LLM that rephrases answers. Off while Endpoint is unset.</summary>
internal sealed class OpenAIOptions
{
    public const string Section = "OpenAI";

    /// <summary>Azure: <c>https://my-resource.openai.azure.com/</c>; an OpenAI-compatible server: its <c>/v1</c> address.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Azure: the api-key (Entra ID when empty). OpenAI-compatible: the bearer token.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The Azure OpenAI deployment; selects Azure OpenAI.</summary>
    public string? Deployment { get; set; }

    /// <summary>The model on an OpenAI-compatible server; selects that mode.</summary>
    public string? Model { get; set; }

    [Range(0.5, 60, ErrorMessage = "OpenAI:TimeoutSeconds must be between {1} and {2} seconds.")]
    public double TimeoutSeconds { get; set; } = 8;

    [Range(0, 3, ErrorMessage = "OpenAI:MaxRetries must be between {1} and {2}.")]
    public int MaxRetries { get; set; } = 1;

    [Range(100, 4_000, ErrorMessage = "OpenAI:MaxAnswerLength must be between {1} and {2} characters.")]
    public int MaxAnswerLength { get; set; } = 800;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public RephrasingOptions ToRephrasingOptions() => new()
    {
        Endpoint = new Uri(Endpoint!, UriKind.Absolute),
        ApiKey = Blank(ApiKey),
        Deployment = Blank(Deployment),
        Model = Blank(Model),
        Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
        MaxRetries = MaxRetries,
        MaxAnswerLength = MaxAnswerLength,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The checks between settings, each failure naming the setting to fix.</summary>
internal sealed class OpenAIOptionsValidator : IValidateOptions<OpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIOptions options)
    {
        bool deployment = !string.IsNullOrWhiteSpace(options.Deployment);
        bool model = !string.IsNullOrWhiteSpace(options.Model);
        if (!options.Enabled)
        {
            return deployment || model
                ? ValidateOptionsResult.Fail("OpenAI:Deployment or OpenAI:Model is set but OpenAI:Endpoint is not; set the endpoint to turn rephrasing on, or remove them.")
                : ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("OpenAI:Endpoint must be an absolute http(s) address, e.g. https://my-resource.openai.azure.com/ or http://127.0.0.1:11434/v1.");
        }

        if (deployment == model)
        {
            failures.Add("Set exactly one of OpenAI:Deployment (Azure OpenAI) or OpenAI:Model (an OpenAI-compatible server).");
        }
        else if (model && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("OpenAI:ApiKey is required with OpenAI:Model; it is sent as the bearer token (any value for a server that ignores it).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
