using System.Text.Json.Nodes;

namespace BriefBot.Bench.Fuzz;

/// <summary>How a seed's body is written: a JSON document, a form, or a form whose <c>payload</c> field is JSON.</summary>
internal enum SeedKind
{
    Json,
    Form,
    FormWithJsonPayload,
}

/// <summary>One real payload to mutate: its JSON (for forms, an object of the fields) and where it came from.</summary>
internal sealed record Seed(string Name, SeedKind Kind, JsonObject Content);

/// <summary>
/// The seeds of each route, read from a folder laid out as shared/fixtures: Teams activities for /api/messages and
/// Direct Line, Slack events for /slack/events, the documented signed slash command and the SDK's field list for
/// /slack/commands, and for /api/ask and /slack/interactions bodies built around the fixtures' own texts.
/// </summary>
internal static class FuzzSeeds
{
    public static Dictionary<string, List<Seed>> Load(string fixtures)
    {
        var activities = Files(fixtures, "botframework")
            .Where(f => !Path.GetFileName(f).Contains("OUTBOUND", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("outbound_", StringComparison.Ordinal))
            .Select(f => (Name: Path.GetFileName(f), Json: Parse(f)))
            .Where(a => a.Json?["type"] is not null)
            .ToList();
        var events = Files(fixtures, Path.Combine("slack", "events_api_from_tests"))
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Select(f => (Name: Path.GetFileName(f), Json: Parse(f)))
            .Where(e => e.Json is not null)
            .ToList();
        var texts = activities.Select(a => (string?)a.Json!["text"]).Concat(events.Select(e => (string?)(e.Json!["event"]?["text"] ?? e.Json["text"])))
            .Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().Select(t => t!).ToList();

        return new Dictionary<string, List<Seed>>
        {
            [FuzzTargets.Messages] = [.. activities.Select(a => new Seed(a.Name, SeedKind.Json, a.Json!))],
            [FuzzTargets.DirectLine] = [.. activities.Where(a => (string?)a.Json!["type"] == "message").Select(a => new Seed(a.Name, SeedKind.Json, a.Json!))],
            [FuzzTargets.Ask] = [.. texts.Select((t, i) => new Seed($"text {i + 1} of the fixtures", SeedKind.Json, new JsonObject { ["question"] = t, ["rephrase"] = i % 2 == 0 }))],
            [FuzzTargets.SlackEvents] = [.. events.Select(e => new Seed(e.Name, SeedKind.Json, Envelope(e.Json!)))],
            [FuzzTargets.SlackCommands] = [.. Commands(fixtures, texts)],
            [FuzzTargets.SlackInteractions] = [.. texts.Take(8).Select((t, i) => new Seed($"block_actions {i + 1}", SeedKind.FormWithJsonPayload, BlockActions(i)))],
        };
    }

    private static IEnumerable<string> Files(string root, string folder) =>
        Directory.EnumerateFiles(Path.Combine(root, folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static JsonObject? Parse(string file) => JsonNode.Parse(File.ReadAllText(file)) as JsonObject;

    // A bare event from the fixtures goes inside an event_callback envelope, as Slack sends it.
    private static JsonObject Envelope(JsonObject json) => (string?)json["type"] is "event_callback" or "url_verification"
        ? json
        : new JsonObject { ["type"] = "event_callback", ["team_id"] = "T123", ["api_app_id"] = "A123", ["event"] = json, ["event_id"] = "Ev1", ["event_time"] = 1_700_000_000 };

    private static IEnumerable<Seed> Commands(string fixtures, List<string> texts)
    {
        var signed = Parse(Path.Combine(fixtures, "slack", "signing", "request_signing_example.json"))!;
        var documented = new JsonObject();
        foreach (var (name, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery((string)signed["request_body"]!))
        {
            documented[name] = value.ToString();
        }

        yield return new Seed("request_signing_example.json", SeedKind.Form, documented);
        var skeleton = Parse(Path.Combine(fixtures, "slack", "schema_skeletons", "SlashCommandPayload.json"))!;
        for (int i = 0; i < Math.Min(8, texts.Count); i++)
        {
            var form = (JsonObject)skeleton.DeepClone();
            form["channel_id"] = "C0LAN2Q65";
            form["user_id"] = "U2147483697";
            form["command"] = "/brief";
            form["text"] = i == 0 ? "help" : texts[i];
            yield return new Seed($"SlashCommandPayload.json with text {i + 1}", SeedKind.Form, form);
        }
    }

    // The fields of a block_actions payload (protocols.md E.5) with the bot's own feedback buttons.
    private static JsonObject BlockActions(int i) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U2147483697", ["name"] = "someone" },
        ["api_app_id"] = "A123",
        ["token"] = "legacy-fixed-value",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = "C0LAN2Q65" },
        ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
        ["response_url"] = "https://hooks.slack.com/actions/T1/1/abc",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = i % 2 == 0 ? "feedback_helpful" : "feedback_unhelpful",
            ["block_id"] = "feedback",
            ["value"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = "button",
            ["action_ts"] = "1700000001.000200",
        }),
    };
}
