using BriefBot.Digests;
using BriefBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefBot.Tests.Digests;

public sealed class DigestHostTests
{
    [Fact]
    public async Task TheHostRunsDigestsWithTheConfiguredDefaults()
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?>
        {
            ["Digests:DefaultTimeZone"] = "Europe/Berlin",
            ["Digests:DefaultTime"] = "07:30",
        });
        using var client = await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<DigestOptions>>().Value;
        var commands = host.Services.GetRequiredService<DigestCommands>();
        var reply = await commands.TryHandleAsync(new Conversation.IncomingMessage("slack", "C1", "U1", "digest on"), null, CancellationToken.None);

        Assert.Equal(new TimeOnly(7, 30), options.DefaultTimeOfDay());
        Assert.Contains("07:30 (Europe/Berlin)", Assert.IsType<Conversation.TextReply>(reply).Text);
    }

    [Theory]
    [InlineData("Digests:DefaultTimeZone", "Mars/Olympus_Mons")]
    [InlineData("Digests:DefaultTime", "25:00")]
    public async Task AWrongDigestSettingStopsTheHostWithItsName(string key, string value)
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
