using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BriefBot.Search;

namespace BriefBot.Tests.Host;

/// <summary>
/// The index damaged under the host: one that cannot be read is moved aside and rebuilt at start, saying so in the
/// log and /healthz; a folder deleted while serving is "missing" (not ready) until it is rebuilt, never "ready, 0 documents".
/// </summary>
public sealed class DamagedIndexTests : IDisposable
{
    private readonly TempFolder _state = new();

    private string IndexFolder => _state.Combine("index");

    [Fact]
    public async Task AnIndexThatCannotBeReadIsRebuiltAtStartAndHealthzSaysSo()
    {
        using (var knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = TestPaths.Seeds, IndexFolder = IndexFolder }))
        {
            knowledge.Refresh();
        }

        foreach (string info in Directory.GetFiles(IndexFolder, "*.si"))
        {
            await File.WriteAllTextAsync(info, new string('x', 100));
        }

        await using var host = new BriefBotHost(new Dictionary<string, string?> { ["Search:IndexFolder"] = IndexFolder });
        using var client = await host.StartAsync();

        var knowledgeCheck = (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("checks").GetProperty("knowledge");
        Assert.Equal("Healthy", knowledgeCheck.GetProperty("status").GetString());
        Assert.StartsWith($"The index in {IndexFolder} could not be read", knowledgeCheck.GetProperty("data").GetProperty("repaired").GetString());
        Assert.True(knowledgeCheck.GetProperty("data").GetProperty("documents").GetInt32() > 0);
        var answer = await (await client.PostAsJsonAsync("/api/ask", new { question = "What did Xi pledge to send to Ukraine?" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("special representatives", answer.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task AnIndexFolderDeletedWhileServingIsNotReadyUntilItIsRebuiltWhole()
    {
        await using var host = new BriefBotHost(new Dictionary<string, string?> { ["Search:IndexFolder"] = IndexFolder });
        using var client = await host.StartAsync();
        int documents = Documents(await client.GetFromJsonAsync<JsonElement>("/healthz"));

        Directory.Delete(IndexFolder, recursive: true);

        var first = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Contains($"The index folder {IndexFolder} is missing", await first.Content.ReadAsStringAsync());
        var seen = new List<(HttpStatusCode, string, int)>();
        for (int i = 0; i < 100 && seen.LastOrDefault().Item2 != "ready"; i++)
        {
            var response = await client.GetAsync("/healthz");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.Add((response.StatusCode, Index(body), Documents(body)));
            await Task.Delay(50);
        }

        Assert.Equal((HttpStatusCode.OK, "ready", documents), seen[^1]);
        Assert.All(seen, s => Assert.True(s.Item2 == "missing" ? s.Item1 == HttpStatusCode.ServiceUnavailable : s.Item3 == documents, $"{s}"));
        Assert.True(Directory.Exists(IndexFolder));
    }

    private static JsonElement Check(JsonElement health) => health.GetProperty("checks").GetProperty("knowledge").GetProperty("data");

    private static int Documents(JsonElement health) => Check(health).GetProperty("documents").GetInt32();

    private static string Index(JsonElement health) => Check(health).GetProperty("index").GetString()!;

    public void Dispose() => _state.Dispose();
}
