using BriefBot.Rephrasing;
using BriefBot.Tests.Host;
using Microsoft.Extensions.Options;

namespace BriefBot.Tests.Rephrasing;

public sealed class OpenAIOptionsTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("https://my-resource.openai.azure.com/", "gpt-4o-mini", null, null)]
    [InlineData("https://my-resource.openai.azure.com/", "gpt-4o-mini", null, "key")]
    [InlineData("http://127.0.0.1:11434/v1", null, "llama3.2", "ollama")]
    public void GoodSettingsPass(string? endpoint, string? deployment, string? model, string? apiKey) =>
        Assert.True(Validate(endpoint, deployment, model, apiKey).Succeeded);

    [Theory]
    [InlineData("my-resource.openai.azure.com", "gpt-4o-mini", null, null, "OpenAI:Endpoint must be an absolute http(s) address")]
    [InlineData("ftp://my-resource/", "gpt-4o-mini", null, null, "OpenAI:Endpoint must be an absolute http(s) address")]
    [InlineData("https://my-resource.openai.azure.com/", null, null, "key", "Set exactly one of OpenAI:Deployment")]
    [InlineData("https://my-resource.openai.azure.com/", "gpt-4o-mini", "gpt-4o-mini", "key", "Set exactly one of OpenAI:Deployment")]
    [InlineData("http://127.0.0.1:11434/v1", null, "llama3.2", null, "OpenAI:ApiKey is required with OpenAI:Model")]
    [InlineData(null, "gpt-4o-mini", null, null, "OpenAI:Endpoint is not")]
    public void BadSettingsNameTheSettingToFix(string? endpoint, string? deployment, string? model, string? apiKey, string message) =>
        Assert.Contains(message, Validate(endpoint, deployment, model, apiKey).FailureMessage);

    [Theory]
    [InlineData("OpenAI:TimeoutSeconds", "0.1", "OpenAI:TimeoutSeconds must be between 0.5 and 60 seconds.")]
    [InlineData("OpenAI:TimeoutSeconds", "600", "OpenAI:TimeoutSeconds must be between 0.5 and 60 seconds.")]
    [InlineData("OpenAI:Deployment", "", "Set exactly one of OpenAI:Deployment")]
    public async Task TheHostRefusesToStartWithBadSettings(string key, string value, string message)
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?>
        {
            ["OpenAI:Endpoint"] = "https://my-resource.openai.azure.com/",
            ["OpenAI:Deployment"] = "gpt-4o-mini",
            [key] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains(message, error.Message);
    }

    private static ValidateOptionsResult Validate(string? endpoint, string? deployment, string? model, string? apiKey) =>
        new OpenAIOptionsValidator().Validate(null, new OpenAIOptions { Endpoint = endpoint, Deployment = deployment, Model = model, ApiKey = apiKey });
}
