using System.ComponentModel.DataAnnotations;
using BriefBot.Channels.BotFramework;

namespace BriefBot.Tests.BotFramework;

/// <summary>The cloud settings under the Bot Framework's own keys, and their validation at start.</summary>
public sealed class BotFrameworkOptionsTests
{
    [Fact]
    public void UnsetCloudKeysMeanThePublicCloud()
    {
        var cloud = new BotFrameworkOptions().Cloud;

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", cloud.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", cloud.ChannelTokenIssuer);
        Assert.Equal("https://api.botframework.com/.default", cloud.Scope);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", cloud.Authority(new BotFrameworkOptions()));
    }

    [Fact]
    public void TheGovernmentChannelServiceSwitchesEveryDefaultToThatCloud()
    {
        var options = new BotFrameworkOptions { ChannelService = "https://botframework.azure.us" };

        Assert.Equal(BotFrameworkCloud.Government, options.Cloud);
        Assert.Equal("https://api.botframework.us/.default", options.Cloud.Scope);
        Assert.Equal("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us", options.Cloud.Authority(options));
    }

    [Fact]
    public void ASingleTenantBotLogsInToItsOwnTenantOnTheCloudsLoginHost()
    {
        var options = new BotFrameworkOptions
        {
            ChannelService = "https://botframework.azure.us",
            MicrosoftAppType = "singletenant",
            MicrosoftAppTenantId = "50612dbb-0237-4969-b378-8d42590f9c00",
        };

        Assert.Equal("https://login.microsoftonline.us/50612dbb-0237-4969-b378-8d42590f9c00", options.Cloud.Authority(options));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://localhost:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://10.0.0.5/v1/.well-known/openidconfiguration", false)]
    [InlineData("ftp://127.0.0.1/keys", false)]
    [InlineData("/relative/path", false)]
    public void PlainHttpMetadataIsAcceptedOnlyOnLoopback(string url, bool valid)
    {
        var options = new BotFrameworkOptions { ToBotFromChannelOpenIdMetadataUrl = url };

        Assert.Equal(valid, Errors(options).Count == 0);
    }

    [Theory]
    [InlineData("UserAssignedMSI", null, null, "MicrosoftAppType 'UserAssignedMSI' is not supported")]
    [InlineData("MultiTenant", null, null, "MicrosoftAppPassword is required")]
    [InlineData("SingleTenant", "secret", null, "MicrosoftAppTenantId is required")]
    public void IncompleteCredentialsAreRefusedWithTheSettingToFix(string type, string? password, string? tenant, string expected)
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", MicrosoftAppType = type, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        Assert.Contains(Errors(options), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    private static List<string> Errors(BotFrameworkOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();
}
