using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BriefBot.Tests.Host;

public sealed class SourceRefreshTests
{
    [Fact]
    public async Task AFileAddedToTheSourcesWhileServingIsAnsweredWithoutARestart()
    {
        using var sources = new TempFolder();
        sources.Write("harbour.md", "# Harbour\n\nThe harbour opened in 1850 and still lands fish every morning.\n");
        await using var host = new BriefBotHost(
            new Dictionary<string, string?>
            {
                ["Search:RefreshEvery"] = "00:00:00.2",
                ["Search:AbstainBelow"] = "0", // two passages are too few for the confidence model
            },
            sources: sources.Path);
        using var client = await host.StartAsync();

        sources.Write("lighthouse.md", "# Lighthouse\n\nAda Brennan kept the lighthouse lamp lit every night for forty years.\n");

        string? cited = null;
        for (int i = 0; i < 100 && cited != "lighthouse.md"; i++)
        {
            await Task.Delay(100);
            var response = await client.PostAsJsonAsync("/api/ask", new { question = "Who kept the lighthouse lamp lit?" });
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            cited = answer.TryGetProperty("citation", out var citation) && citation.ValueKind == JsonValueKind.Object
                ? citation.GetProperty("path").GetString()
                : null;
        }

        Assert.Equal("lighthouse.md", cited);
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal(2, health.GetProperty("checks").GetProperty("knowledge").GetProperty("data").GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task HealthSaysHowManyFilesCouldNotBeReadAndHowManyOfEachFormatWere()
    {
        using var sources = new TempFolder();
        sources.Write("harbour.md", "# Harbour\n\nThe harbour opened in 1850 and still lands fish every morning.\n");
        sources.Write("scan.pdf", "%PDF-1.7 cut short");
        File.WriteAllBytes(sources.Combine("old.md"), [0x43, 0x61, 0x66, 0xE9]);
        await using var host = new BriefBotHost(new Dictionary<string, string?>(), sources: sources.Path);
        using var client = await host.StartAsync();

        var data = (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("checks").GetProperty("knowledge").GetProperty("data");

        Assert.Equal(2, data.GetProperty("skipped").GetInt32());
        Assert.Equal(1, data.GetProperty("formats").GetProperty("markdown").GetInt32());
        Assert.Equal(1, data.GetProperty("documents").GetInt32());
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("8.00:00:00")]
    public async Task ARefreshIntervalOutOfRangeStopsTheStartNamingTheSetting(string every)
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?> { ["Search:RefreshEvery"] = every });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("RefreshEvery", error.Message);
    }
}
