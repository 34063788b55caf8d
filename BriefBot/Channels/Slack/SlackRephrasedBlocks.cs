using System.Text.Json.Nodes;
using BriefBot.Conversation;
using BriefBot.Rephrasing;

namespace BriefBot.Channels.Slack;

/// <summary>
/// A rephrased answer as Block Kit, to replace the extractive answer with <c>chat.update</c>: the model's text first,
/// a context block saying it is AI-generated and what its [n] stand for, then the extractive answer's blocks as they
/// were (the quote, its source, the feedback buttons).
/// </summary>
internal static class SlackRephrasedBlocks
{
    public const string AiNote = "AI-generated · check the quote below";

    public static SlackMessage Render(RephrasedReply reply)
    {
        var rephrased = reply.Rephrased;
        string text = rephrased.Text!;
        var extractive = SlackBlocks.Render(new AnswerReply(reply.QuestionId, rephrased.Answer));
        var blocks = new JsonArray(SlackBlocks.Section(SlackText.Escape(text)), SlackBlocks.Context(AiNote));
        if (rephrased.Sources.Count > 0)
        {
            blocks.Add(SlackBlocks.Context(SlackText.Escape(string.Join(" · ", rephrased.Sources.Select((s, i) => $"[{i + 1}] {s.Title}")))));
        }

        foreach (var block in extractive.Blocks)
        {
            blocks.Add(block!.DeepClone());
        }

        return new SlackMessage(SlackText.Shorten($"{text} ({AiNote})\n{extractive.Text}", SlackMessageParts.MaxText), blocks);
    }
}
