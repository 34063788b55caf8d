namespace BriefBot.Tests.BotFramework;

/// <summary>One bot and fake Connector shared by the cases of a table-driven test class.</summary>
public sealed class TeamsBotFixture : IAsyncLifetime
{
    public TeamsBot Bot { get; private set; } = null!;

    // Typing before every answer (no delay), so that each answered message brings exactly two Connector requests.
    public async Task InitializeAsync() => Bot = await TeamsBot.StartAsync(s => s["Teams:TypingDelay"] = "00:00:00");

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
