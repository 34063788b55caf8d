using System.Net;
using BriefBot.Channels.BotFramework;
using BriefBot.Channels.Playground;
using BriefBot.Tests.Host;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace BriefBot.Tests.Playground;

/// <summary>When the playground is on, and that turning it on with credentials set never lends it the bot's token.</summary>
public sealed class PlaygroundSwitchTests
{
    [Theory]
    [InlineData("Development", null, null, true)]
    [InlineData("Development", "app-id", null, false)]
    [InlineData("Development", "app-id", true, true)]
    [InlineData("Production", null, null, false)]
    [InlineData("Production", null, true, true)]
    [InlineData("Development", null, false, false)]
    public void ThePlaygroundIsOnInDevelopmentWithoutCredentialsOrWhenEnabledExplicitly(string environment, string? appId, bool? enabled, bool on)
    {
        var options = new PlaygroundOptions { Enabled = enabled };

        bool isOn = options.IsOn(new HostingEnvironment { EnvironmentName = environment }, new BotFrameworkOptions { MicrosoftAppId = appId });

        Assert.Equal(on, isOn);
    }

    [Fact]
    public async Task WhenOffThePageAndDirectLineDoNotExist()
    {
        using var host = new BriefBotHost();
        using var client = await host.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/v3/directline/conversations", null)).StatusCode);
    }

    [Fact]
    public async Task EnabledWithCredentialsThePlaygroundAnswersWithoutFetchingTheBotsToken()
    {
        // The login URL is a closed loopback port: any attempt to fetch the bot's token would fail the reply.
        using var host = new BriefBotHost(new Dictionary<string, string?>
        {
            ["Playground:Enabled"] = "true",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["ToChannelFromBotLoginUrl"] = "http://127.0.0.1:9/botframework.com",
            ["ValidateAuthority"] = "false",
        });
        using var client = await host.StartAsync();
        var line = new DirectLine(client);
        await line.StartAsync();

        await line.PostAsync("What did Xi pledge to send to Ukraine?", "client-1");

        var activities = (await line.ActivitiesAsync()).GetProperty("activities").EnumerateArray();
        Assert.Contains(activities, a => a.TryGetProperty("attachments", out _));
    }
}
