using System.Collections.Concurrent;
using BriefBot.Tests.Fakes;

namespace BriefBot.Tests.BotFramework;

/// <summary>
/// The Teams bots of the auth table, one per kind of host, each with its own fake Connector and a recorder of what
/// it sends to remote service URLs; started when a case first needs one.
/// </summary>
public sealed class AuthHosts : IAsyncLifetime
{
    public const string Tenant = "50612dbb-0237-4969-b378-8d42590f9c00";

    private readonly ConcurrentDictionary<string, Lazy<Task<(TeamsBot Bot, RemoteConnectors Remote)>>> _hosts = new();

    public Task<(TeamsBot Bot, RemoteConnectors Remote)> GetAsync(string name) =>
        _hosts.GetOrAdd(name, n => new Lazy<Task<(TeamsBot, RemoteConnectors)>>(() => StartAsync(n))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated))
        {
            await (await host.Value).Bot.DisposeAsync();
        }
    }

    private static async Task<(TeamsBot, RemoteConnectors)> StartAsync(string name)
    {
        var remote = new RemoteConnectors();
        string environment = name.StartsWith("Development", StringComparison.Ordinal) ? "Development" : "Production";
        var bot = await TeamsBot.StartAsync(s =>
        {
            // Answers are immediate ("help"), so each one is a single Connector request without typing.
            s["Teams:TypingDelay"] = "00:00:10";
            if (name.Contains("AllowEmulator", StringComparison.Ordinal))
            {
                s["BotFramework:AllowEmulator"] = "true";
            }

            if (name.Contains("SingleTenant", StringComparison.Ordinal))
            {
                s["MicrosoftAppType"] = "SingleTenant";
                s["MicrosoftAppTenantId"] = Tenant;
            }

            if (name.Contains("no app id", StringComparison.Ordinal))
            {
                s["MicrosoftAppId"] = "";
                s["MicrosoftAppPassword"] = "";
            }
        }, environment, remote.AddTo);
        return (bot, remote);
    }
}
