using System.Collections.Concurrent;
using System.Net;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefBot.Tests.BotFramework;

/// <summary>Without MicrosoftAppId the bot runs open for local development, and says so loudly; SingleTenant uses its own tenant.</summary>
public sealed class AuthenticationModeTests
{
    [Fact]
    public async Task WithoutAnAppIdRequestsNeedNoTokenAndTheLogWarnsAtStart()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var logs = new RecordingLoggerProvider();
        await using var host = new BriefBotHost(services: services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = await host.StartAsync();
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = "help";
        activity["serviceUrl"] = connector.ServiceUrl;

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await connector.WaitForLandedAsync("message")).Single(r => r.ActivityType == "message");
        Assert.Null(reply.Authorization);
        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("authentication is OFF"));
    }

    [Fact]
    public async Task ASingleTenantBotGetsItsTokenFromItsOwnTenant()
    {
        await using var bot = await TeamsBot.StartAsync(s =>
        {
            s["MicrosoftAppType"] = "SingleTenant";
            s["MicrosoftAppTenantId"] = "50612dbb-0237-4969-b378-8d42590f9c00";
        });
        var activity = TeamsBot.Fixture("personal_message");
        activity["text"] = "help";

        await bot.SendAsync(activity);
        var reply = (await bot.Connector.WaitForLandedAsync("message")).Single(r => r.ActivityType == "message");

        Assert.Equal(["50612dbb-0237-4969-b378-8d42590f9c00"], bot.Connector.TokenTenants.Distinct());
        Assert.StartsWith("Bearer fake-connector-token-", reply.Authorization);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(Messages);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<(LogLevel, string)> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
