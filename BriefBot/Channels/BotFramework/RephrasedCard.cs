using System.Text.Json.Nodes;
using BriefBot.Rephrasing;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// A rephrased answer as the card that replaces the extractive one (an activity update): the model's text first, a
/// visible "AI-generated" note with what its [n] stand for, then the extractive card as it was (the quote, its
/// source, other sources, feedback). The activity also carries Teams' AI label, <see cref="AiLabel"/>.
/// </summary>
internal static class RephrasedCard
{
    public const string AiNote = "AI-generated · check the quote below";

    /// <summary>The schema.org message entity whose <c>AIGeneratedContent</c> makes Teams show its "AI generated" label.</summary>
    public static readonly Entity AiLabel = new(
        "https://schema.org/Message",
        SchemaType: "Message",
        SchemaContext: "https://schema.org",
        SchemaId: "",
        AdditionalType: ["AIGeneratedContent"]);

    public static JsonObject Build(RephrasedReply reply)
    {
        var rephrased = reply.Rephrased;
        var card = AnswerCard.Build(reply.QuestionId, rephrased.Answer);
        var body = card["body"]!.AsArray();
        body.Insert(0, TeamsText.Block(rephrased.Text!));
        body.Insert(1, TeamsText.Block(Note(reply), size: "Small", subtle: true));
        card["fallbackText"] = PlainText(reply);
        return card;
    }

    /// <summary>The rephrased text, labelled, and the extractive answer under it: for clients without cards and notifications.</summary>
    public static string PlainText(RephrasedReply reply) =>
        TeamsText.Plain($"{reply.Rephrased.Text} ({AiNote})\n\n{AnswerCard.PlainText(reply.Rephrased.Answer)}");

    private static string Note(RephrasedReply reply) =>
        reply.Rephrased.Sources.Count == 0
            ? AiNote
            : $"{AiNote} · " + string.Join(" · ", reply.Rephrased.Sources.Select((s, i) => $"[{i + 1}] {s.Title}"));
}
