using System.Net.Http.Json;
using System.Text.Json;
using BriefBot.Tests.Host;

namespace BriefBot.Tests.Rephrasing;

/// <summary>The real host answering from the corpus with a document that gives orders, rephrasing through the fake Azure OpenAI.</summary>
public sealed class RephrasingHostFixture : IAsyncLifetime
{
    private BriefBotHost _host = null!;

    public FakeOpenAI Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeOpenAI.StartAsync();
        _host = new BriefBotHost(
            new Dictionary<string, string?>
            {
                ["OpenAI:Endpoint"] = Server.Root.ToString(),
                ["OpenAI:Deployment"] = RephrasingFixture.Deployment,
                ["OpenAI:ApiKey"] = RephrasingFixture.ApiKey,
                ["OpenAI:TimeoutSeconds"] = "10",
            },
            sources: RephrasingFixture.InjectionCorpus);
        Client = await _host.StartAsync();
    }

    public async Task<JsonElement> AskAsync(string question, bool? rephrase = true)
    {
        object body = rephrase is { } r ? new { question, rephrase = r } : new { question };
        var response = await Client.PostAsJsonAsync("/api/ask", body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
        await Server.DisposeAsync();
    }
}
