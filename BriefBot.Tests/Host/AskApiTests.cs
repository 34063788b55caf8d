using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BriefBot.Tests.Host;

public sealed class AskApiTests : IAsyncLifetime
{
    private readonly BriefBotHost _host = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _host.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AskReturnsTheSeedQuoteAndItsCitationOverHttp()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "What did Xi pledge to send to Ukraine?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Answered", answer.GetProperty("status").GetString());
        Assert.Contains("special representatives", answer.GetProperty("quote").GetString());
        Assert.Equal("000_6fc04832441e38c0.txt", answer.GetProperty("citation").GetProperty("path").GetString());
    }

    [Fact]
    public async Task HealthReportsTheIndexAndItsCounts()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var data = health.GetProperty("checks").GetProperty("knowledge").GetProperty("data");
        Assert.Equal(1, data.GetProperty("documents").GetInt32());
        Assert.True(data.GetProperty("passages").GetInt32() > 1);
    }

    [Theory]
    [InlineData("{\"question\": \"\"}")]
    [InlineData("{\"question\": \"   \"}")]
    [InlineData("{}")]
    [InlineData("{\"question\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"question\": 42}")]
    public async Task BadRequestsGetAProblemNotAnAnswer(string body)
    {
        var response = await _client.PostAsync("/api/ask", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AQuestionOverTheLengthCapIsRefused()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = new string('x', 10_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("limit is 2000", problem.GetProperty("errors").GetProperty("question")[0].GetString());
    }

    [Fact]
    public async Task AHugeBodyIsRefusedBeforeItIsRead()
    {
        string huge = "{\"question\": \"" + new string('a', 2 * 1024 * 1024) + "\"}";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask")
        {
            Content = new StringContent(huge, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true; // the server answers before the client sends the body

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
