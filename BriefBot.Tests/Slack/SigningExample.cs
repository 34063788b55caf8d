using System.Globalization;
using System.Text.Json;

namespace BriefBot.Tests.Slack;

/// <summary>Slack's documented request-signing example (TestData/Slack/request_signing_example.json).</summary>
public sealed record SigningExample(string Secret, string Timestamp, string Body, string Signature)
{
    public static readonly SigningExample Documented = Load();

    /// <summary>2018-07-12 18:36:58 UTC, when Slack signed the example.</summary>
    public DateTimeOffset SignedAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, CultureInfo.InvariantCulture));

    private static SigningExample Load()
    {
        var json = JsonDocument.Parse(SlackFixtures.Read(SlackFixtures.SigningExample)).RootElement;
        return new SigningExample(
            json.GetProperty("signing_secret").GetString()!,
            json.GetProperty("x_slack_request_timestamp").GetString()!,
            json.GetProperty("request_body").GetString()!,
            json.GetProperty("expected_x_slack_signature").GetString()!);
    }
}
