using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefBot.Tests.Host;

namespace BriefBot.Tests.Cli;

/// <summary>The executable as the README runs it: settings files read wherever it starts, mistakes refused with exit code 2.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("ask|--jsn|What did Xi pledge?", "Unknown option '--jsn' for ask.")]
    [InlineData("ask|--index|/tmp/elsewhere|What did Xi pledge?", "Unknown option '--index' for ask.")]
    [InlineData("serve|--jsn", "Unknown option '--jsn' for serve.")]
    [InlineData("--jsn", "Unknown option '--jsn' for serve.")]
    public async Task AMistakeInTheCommandLineEndsWithExitCodeTwoAndASentenceNamingIt(string args, string expected)
    {
        await using var process = BriefBotProcess.Start(args.Split('|'), workingDirectory: _folder.Path);

        Assert.Equal(2, await process.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith(expected, process.Output);
        Assert.DoesNotContain("Now listening", process.Output);
    }

    [Fact]
    public async Task TheSettingsFilesBesideTheProgramAreReadWhereverServeIsStarted()
    {
        // An environment of this test's own, so its settings file disturbs no other test that reads the output folder.
        string environment = "Probe" + Guid.NewGuid().ToString("n")[..8];
        string settingsFile = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json");
        _folder.Write("sources/harbour.md", "# Harbour\n\nThe harbour opened in 1850 and still lands fish every morning.\n");
        File.WriteAllText(settingsFile, new JsonObject
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Search"] = new JsonObject { ["Sources"] = _folder.Combine("sources"), ["IndexFolder"] = _folder.Combine("index"), ["AbstainBelow"] = 0 },
            ["Storage"] = new JsonObject { ["Path"] = _folder.Combine("briefbot.db") },
        }.ToJsonString());
        try
        {
            await using var serve = await BriefBotProcess.StartServingAsync(settings: null, workingDirectory: _folder.Combine("sources"), environment);
            using var http = new HttpClient { BaseAddress = serve.Url };

            var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
            Assert.Equal(1, health.GetProperty("checks").GetProperty("knowledge").GetProperty("data").GetProperty("documents").GetInt32());
            var answer = await (await http.PostAsJsonAsync("/api/ask", new { question = "When did the harbour open?" })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("harbour.md", answer.GetProperty("citation").GetProperty("path").GetString());
        }
        finally
        {
            File.Delete(settingsFile);
        }
    }

    public void Dispose() => _folder.Dispose();
}
