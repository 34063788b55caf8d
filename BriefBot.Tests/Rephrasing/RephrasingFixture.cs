using BriefBot.Search;
using BriefBot.Search.Rephrasing;

namespace BriefBot.Tests.Rephrasing;

/// <summary>
/// A fake OpenAI server on loopback and a real index of the small handbook corpus, shared by one test class.
/// Each test scripts <see cref="FakeOpenAI.Reply"/> and builds the rephraser it needs.
/// </summary>
public sealed class RephrasingFixture : IAsyncLifetime
{
    public const string Deployment = "briefbot-test";
    public const string ApiKey = "test-key-123";

    /// <summary>Answered from two passages: [1] expense-claims.md, [2] travel-policy.md.</summary>
    public const string TwoPassageQuestion = "What needs approval?";
    public const string FinanceQuote = "Late claims need the approval of the finance team";
    public const string FlightQuote = "Flights need the approval of a department head";

    private readonly TempFolder _folder = new();

    public FakeOpenAI Server { get; private set; } = null!;

    public Knowledge Knowledge { get; private set; } = null!;

    public static string Corpus => Path.Combine(TestPaths.TestData, "Rephrasing", "corpus");

    public static string InjectionCorpus => Path.Combine(TestPaths.TestData, "Rephrasing", "injection");

    public async Task InitializeAsync()
    {
        Server = await FakeOpenAI.StartAsync();
        Knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = Corpus, IndexFolder = _folder.Combine("index") });
        Knowledge.Refresh();
    }

    /// <summary>A rephraser in Azure OpenAI mode (api-key), pointed at the fake server, with a 10 s budget (generous: only the timeout test waits for it, and it sets its own).</summary>
    public Rephraser Azure(TimeSpan? timeout = null) => Rephraser.Create(new RephrasingOptions
    {
        Endpoint = Server.Root,
        Deployment = Deployment,
        ApiKey = ApiKey,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    });

    /// <summary>A rephraser in OpenAI-compatible mode (bearer token) on the fake server's <c>/v1</c>.</summary>
    public Rephraser Compatible(string model) => Rephraser.Create(new RephrasingOptions
    {
        Endpoint = Server.V1,
        Model = model,
        ApiKey = ApiKey,
        Timeout = TimeSpan.FromSeconds(10),
    });

    public Answer AskTwoPassages()
    {
        var answer = Knowledge.Ask(TwoPassageQuestion);
        Assert.Equal("expense-claims.md", answer.Citation?.Path);
        Assert.Contains(answer.Related, r => r.Citation.Path == "travel-policy.md");
        return answer;
    }

    public async Task DisposeAsync()
    {
        Knowledge.Dispose();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
