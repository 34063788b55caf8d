using BriefBot.Conversation;
using BriefBot.Search.Rephrasing;

namespace BriefBot.Rephrasing;

/// <summary>
/// An answer whose rephrased text passed the grounding check, to replace the extractive <see cref="AnswerReply"/>
/// already sent (Teams: update the activity; Slack: <c>chat.update</c>). Render <see cref="RephrasedAnswer.Text"/>
/// labelled AI-generated, with the extractive quote and citation of <see cref="RephrasedAnswer.Answer"/> kept below it.
/// </summary>
internal sealed record RephrasedReply(long QuestionId, RephrasedAnswer Rephrased) : BotReply;
