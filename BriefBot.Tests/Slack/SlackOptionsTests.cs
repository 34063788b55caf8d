using System.Net;
using BriefBot.Tests.Host;
using Microsoft.Extensions.Options;

namespace BriefBot.Tests.Slack;

/// <summary>The Slack channel is on exactly when a signing secret is configured, and then it needs a bot token.</summary>
public sealed class SlackOptionsTests
{
    [Fact]
    public async Task WithoutASigningSecretTheSlackRoutesDoNotExist()
    {
        await using var host = new BriefBotHost();
        using var client = await host.StartAsync();

        var response = await client.PostAsync("/slack/events", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ASigningSecretWithoutABotTokenStopsTheStartWithASentenceNamingTheSetting()
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "secret" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Slack:BotToken", error.Message);
    }

    [Theory]
    [InlineData("https://slack.com/api")]
    [InlineData("/api/")]
    [InlineData("ftp://slack.com/api/")]
    public async Task AnApiBaseUrlThatIsNotAnAbsoluteFolderStopsTheStart(string url)
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret", ["Slack:BotToken"] = "xoxb-1", ["Slack:ApiBaseUrl"] = url,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Slack:ApiBaseUrl", error.ToString());
    }

    [Theory]
    [InlineData("Slack:TimeoutSeconds", "0")]
    [InlineData("Slack:TimeoutSeconds", "121")]
    [InlineData("Teams:ConnectorTimeout", "00:00:00")]
    [InlineData("Teams:ConnectorTimeout", "00:02:01")]
    public async Task ATimeoutOutOfRangeStopsTheStartWithASentenceNamingTheSetting(string key, string value)
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message);
    }
}
