using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BriefBot.Conversation;
using BriefBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace BriefBot.Tests.Slack;

/// <summary>The <c>/brief</c> slash command and the feedback buttons, signed, over HTTP.</summary>
public sealed class SlackCommandTests : IAsyncLifetime
{
    private SlackBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SlackBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task AQuestionIsAcknowledgedAsSearchingAndAnsweredToTheResponseUrl()
    {
        var responseUrl = _bed.Slack.NewResponseUrl();

        var ack = await SendCommandAsync(SlackFixtures.SeedQuestion, responseUrl);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var body = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.StartsWith("Searching", body.GetProperty("text").GetString());
        var answer = await _bed.Slack.WaitForAsync(c => c.Path == responseUrl.AbsolutePath);
        Assert.Equal("in_channel", answer.Body["response_type"]!.GetValue<string>());
        Assert.Contains(SlackFixtures.SeedQuoteFragment, answer.Blocks);
        Assert.Null(answer.Authorization);
    }

    [Fact]
    public async Task InterleavedDigestOnAndOffForOneChannelAreAllAnswered()
    {
        var responseUrl = _bed.Slack.NewResponseUrl();

        var acks = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => SendCommandAsync(i % 2 == 0 ? "digest on 08:30 UTC" : "digest off", responseUrl)));

        Assert.All(acks, ack => Assert.Equal(HttpStatusCode.OK, ack.StatusCode));
        var texts = await Task.WhenAll(acks.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString()!));
        Assert.Equal(100, texts.Count(t => t.StartsWith("Daily digest on", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("help", "What I can do")]
    [InlineData("", "What I can do")]
    [InlineData("sources", "000_6fc04832441e38c0.txt")]
    public async Task HelpAndSourcesAreAnsweredInTheAcknowledgement(string text, string expected)
    {
        var ack = await SendCommandAsync(text, _bed.Slack.NewResponseUrl());

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var body = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Contains(expected, body.GetProperty("blocks").GetRawText());
    }

    [Fact]
    public async Task AResponseUrlOutsideSlackIsRefused()
    {
        var ack = await SendCommandAsync(SlackFixtures.SeedQuestion, new Uri("http://127.0.0.1:9/elsewhere"));

        Assert.Equal(HttpStatusCode.BadRequest, ack.StatusCode);
    }

    [Fact]
    public async Task SlacksUnsignedSslCheckGetsAnEmpty200AndNothingElse()
    {
        using var content = new StringContent("ssl_check=1&token=legacy-fixed-value", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _bed.Client.PostAsync("/slack/commands", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheFeedbackButtonsUnderAnAnswerAreStored()
    {
        await _bed.SendEventAsync(SlackFixtures.DirectMessageIn("DFEEDBACK", SlackFixtures.SeedQuestion, "EvFeedback"));
        var answer = await _bed.Slack.WaitForPostAsync("DFEEDBACK");
        var buttons = answer.Body["blocks"]!.AsArray().Last()!["elements"]!.AsArray();
        string actionId = buttons[0]!["action_id"]!.GetValue<string>();
        string questionId = buttons[0]!["value"]!.GetValue<string>();

        string payload = $$"""
            {"type":"block_actions","user":{"id":"U2147483697","username":"someone"},"api_app_id":"A123",
             "container":{"type":"message","message_ts":"1700000000.000001","channel_id":"DFEEDBACK"},
             "actions":[{"action_id":"{{actionId}}","block_id":"feedback","value":"{{questionId}}","type":"button","action_ts":"1700000001.000001"}]}
            """;
        using var request = SlackFixtures.Signed("/slack/interactions", SlackFixtures.Form(("payload", payload)), "application/x-www-form-urlencoded");
        var response = await _bed.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var totals = await _bed.Host.Services.GetRequiredService<FeedbackStore>().TotalsAsync(CancellationToken.None);
        Assert.Equal((1, 0), totals);
    }

    [Fact]
    public async Task AnInteractionWithoutJsonGets400()
    {
        using var request = SlackFixtures.Signed("/slack/interactions", SlackFixtures.Form(("payload", "{not json")), "application/x-www-form-urlencoded");

        var response = await _bed.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<HttpResponseMessage> SendCommandAsync(string text, Uri responseUrl) => _bed.SendCommandAsync(text, responseUrl);
}
