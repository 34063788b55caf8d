namespace BriefBot.Tests.BotFramework;

/// <summary>One bot and fake Connector shared by the cases of a table-driven test class.</summary>
public sealed class TeamsBotFixture : IAsyncLifetime
{
    public TeamsBot Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await TeamsBot.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
