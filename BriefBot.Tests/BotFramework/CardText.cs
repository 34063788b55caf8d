using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriefBot.Tests.BotFramework;

/// <summary>What a card element shows: a TextBlock's text, or a RichTextBlock's runs one after the other.</summary>
public static class CardText
{
    public static string Of(JsonElement block) =>
        block.TryGetProperty("inlines", out var inlines)
            ? string.Concat(inlines.EnumerateArray().Select(r => r.GetProperty("text").GetString()))
            : block.GetProperty("text").GetString()!;

    public static string Of(JsonNode block) => Of(JsonSerializer.Deserialize<JsonElement>(block.ToJsonString()));

    /// <summary>The URLs the runs of a block open.</summary>
    public static IEnumerable<string> Links(JsonNode block) =>
        (block["inlines"]?.AsArray() ?? []).Select(r => (string?)r!["selectAction"]?["url"]).OfType<string>();
}
