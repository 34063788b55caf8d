using System.Net;
using BriefBot.Tests.Fakes;

namespace BriefBot.Tests.Slack;

/// <summary>
/// An answer lands in Slack exactly once: a post whose fate is unknown (its call hung past Slack:TimeoutSeconds, or
/// was answered 200 with a body that is not JSON) is looked for in the thread, by the metadata it carries, before it
/// is posted again, in this host or the next; and a signed request replayed is acted on once.
/// </summary>
public sealed class SlackDeliveryTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    /// <summary>Where SlackBed's slash commands come from: a barrier there waits for them, as one channel's work is answered in order.</summary>
    private const string SlashChannel = "C0LAN2Q65";

    private static readonly Dictionary<string, string?> FastTimeout = new() { ["Slack:TimeoutSeconds"] = "1" };
    private readonly TempFolder _state = new();

    [Theory]
    [InlineData("hangs after posting", 1)]
    [InlineData("hangs before posting", 2)]
    [InlineData("answers 200 with HTML", 1)]
    public async Task APostWhoseFateIsUnknownLandsExactlyOnce(string fault, int postCalls)
    {
        await using var bed = await SlackBed.StartAsync(settings: FastTimeout);
        Script(bed.Slack, fault);

        Assert.Equal(HttpStatusCode.OK, (await bed.SendEventAsync(SlackFixtures.DirectMessageIn("DFATE", SlackFixtures.SeedQuestion, "EvFate"))).StatusCode);

        await bed.BarrierAsync("DFATE");
        var answers = AnswersTo(bed.Slack, "DFATE", "EvFate");
        output.WriteLine($"{fault}: {answers.Count} answer shown, calls {string.Join(", ", bed.Slack.Calls.Where(c => c.Channel == "DFATE" && !IsBarrier(c)).Select(c => $"{c.Method} {c.Status}"))}");
        Assert.Single(answers);
        Assert.Contains(SlackFixtures.SeedQuoteFragment, answers[0].Blocks);
        Assert.Equal(postCalls, bed.Slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Body["metadata"]?.ToJsonString().Contains("EvFate/1") == true));
        Assert.Contains(bed.Slack.Calls, c => c.Method == "conversations.replies" && c.Channel == "DFATE" && c.Body["include_all_metadata"]?.GetValue<string>() == "true");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnswerWhoseFateWasStillUnknownAtAStopLandsExactlyOnceAfterTheRestart(bool landedBeforeTheStop)
    {
        // The first host cannot tell (its post hangs, every read of the thread fails), so it leaves the event unhandled.
        var first = await SlackBed.StartAsync(_state, settings: FastTimeout);
        first.Slack.HangNext("chat.postMessage", landed: landedBeforeTheStop);
        first.Slack.FailNext("conversations.replies", 4, 500);
        await first.SendEventAsync(SlackFixtures.DirectMessageIn("DSTOP", SlackFixtures.SeedQuestion, "EvStop"));
        await first.Slack.WaitForAsync(c => c.Method == "conversations.replies" && c.Status == 500, TimeSpan.FromSeconds(20));
        await first.StopHostAsync();

        await using var second = await SlackBed.StartAsync(_state, first.Slack, settings: FastTimeout);

        await second.BarrierAsync("DSTOP");
        output.WriteLine($"landed before the stop: {landedBeforeTheStop}; answers shown {AnswersTo(second.Slack, "DSTOP", "EvStop").Count}; calls "
            + string.Join(", ", second.Slack.Calls.Where(c => c.Channel == "DSTOP" && !IsBarrier(c)).Select(c => $"{c.Method} {c.Status}")));
        Assert.Single(AnswersTo(second.Slack, "DSTOP", "EvStop"));
        Assert.Equal(landedBeforeTheStop ? 1 : 2, second.Slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Channel == "DSTOP" && c.Text != null && !IsBarrier(c)));
    }

    [Fact]
    public async Task ASignedSlashCommandReplayedFiveTimesIsAnsweredOnce()
    {
        await using var bed = await SlackBed.StartAsync(_state);
        var responseUrl = bed.Slack.NewResponseUrl();
        var at = bed.Clock.GetUtcNow();
        string form = SlackFixtures.SlashCommand(SlackFixtures.SeedQuestion, SlashChannel, responseUrl);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
        {
            statuses.Add((await bed.SendCommandFormAsync(form, at)).StatusCode);
        }

        await bed.Slack.WaitForAsync(c => c.Path == responseUrl.AbsolutePath);
        await bed.BarrierAsync(SlashChannel);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(bed.Slack.Calls, c => c.Path == responseUrl.AbsolutePath);
    }

    [Fact]
    public async Task ASignedRequestReplayedAfterARestartIsStillActedOnOnce()
    {
        var first = await SlackBed.StartAsync(_state);
        var responseUrl = first.Slack.NewResponseUrl();
        var at = first.Clock.GetUtcNow();
        string form = SlackFixtures.SlashCommand(SlackFixtures.SeedQuestion, SlashChannel, responseUrl);
        await first.SendCommandFormAsync(form, at);
        await first.Slack.WaitForAsync(c => c.Path == responseUrl.AbsolutePath);
        await first.StopHostAsync();

        await using var second = await SlackBed.StartAsync(_state, first.Slack);
        Assert.Equal(HttpStatusCode.OK, (await second.SendCommandFormAsync(form, at)).StatusCode);

        await second.BarrierAsync(SlashChannel);
        Assert.Single(second.Slack.Calls, c => c.Path == responseUrl.AbsolutePath);
    }

    private static void Script(FakeSlackApi slack, string fault)
    {
        switch (fault)
        {
            case "hangs after posting":
                slack.HangNext("chat.postMessage", landed: true);
                break;
            case "hangs before posting":
                slack.HangNext("chat.postMessage", landed: false);
                break;
            default:
                slack.AnswerNotJsonNext("chat.postMessage");
                break;
        }
    }

    /// <summary>The messages the channel shows for one event's answer, by the post id BriefBot put in their metadata.</summary>
    private static List<SlackMessageKept> AnswersTo(FakeSlackApi slack, string channel, string eventId) =>
        [.. slack.MessagesIn(channel).Where(m => m.Metadata?["event_payload"]?["post_id"]?.GetValue<string>() == eventId + "/1")];

    private static bool IsBarrier(SlackCall call) => call.Body["metadata"]?.ToJsonString().Contains("EvBarrier") == true;

    public void Dispose() => _state.Dispose();
}
