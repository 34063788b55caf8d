using BriefBot.Digests;
using BriefBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace BriefBot.Tests.Slack;

public sealed class SlackDigestSenderTests
{
    [Fact]
    public async Task WithSlackOffADigestForSlackFailsSayingWhichSettingIsMissing()
    {
        await using var host = new BriefBotHost();
        using var client = await host.StartAsync();
        var sender = Assert.Single(host.Services.GetServices<IDigestSender>(), s => s.Channel == "slack");
        var subscription = new DigestSubscription(1, "slack", "C1", new TimeOnly(8, 0), "UTC", true, null, DateTimeOffset.UnixEpoch);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => sender.SendAsync(subscription, new Digest(new DateOnly(2026, 6, 10), DateTimeOffset.UnixEpoch, [], 0, null), CancellationToken.None));

        Assert.Contains("Slack:SigningSecret", error.Message);
    }
}
