using System.Text.Json.Nodes;
using BriefBot.Storage;
using BriefBot.Tests.Fakes;
using BriefBot.Tests.Host;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;

namespace BriefBot.Tests.BotFramework;

/// <summary>The real BriefBot host wired to a fake Bot Connector on loopback, as a Teams bot would be to Azure Bot Service.</summary>
public sealed class TeamsBot : IAsyncDisposable
{
    private TeamsBot(FakeBotConnector connector, BriefBotHost host, HttpClient client)
    {
        Connector = connector;
        Host = host;
        Client = client;
    }

    public FakeBotConnector Connector { get; }

    public BriefBotHost Host { get; }

    /// <summary>An HTTP client for the bot's own endpoints.</summary>
    public HttpClient Client { get; }

    /// <param name="settings">Changes the fake's settings for the bot.</param>
    /// <param name="environment">The host's environment ("Testing", "Development", "Production").</param>
    /// <param name="services">More service replacements, after the login redirect.</param>
    /// <param name="sources">The sources folder; the seed corpus when null.</param>
    public static async Task<TeamsBot> StartAsync(
        Action<Dictionary<string, string?>>? settings = null, string environment = "Testing", Action<IServiceCollection>? services = null, string? sources = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        var values = connector.BotSettings();
        settings?.Invoke(values);
        var host = new BriefBotHost(values, sources, environment: environment, services: s =>
        {
            s.AddSingleton<IMsalHttpClientFactory>(new LoginRedirect(connector));
            services?.Invoke(s);
        });
        return new TeamsBot(connector, host, await host.StartAsync());
    }

    /// <summary>A payload from TestData/BotFramework.</summary>
    public static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.TestData, "BotFramework", name + ".json")))!.AsObject();

    public Task<HttpResponseMessage> SendAsync(JsonObject activity, string? token = null) => Connector.SendAsync(Client, activity, token);

    /// <summary>A scalar from the bot's SQLite file.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var ready = await Service<Database>().OpenAsync();
        using var connection = new SqliteConnection($"Data Source={Host.Folder.Combine("briefbot.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    internal T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    internal Task<List<ConversationReference>> ReferencesAsync() => Service<ConversationReferenceStore>().AllAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
