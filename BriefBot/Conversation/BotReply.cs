using BriefBot.Search;

namespace BriefBot.Conversation;

/// <summary>What BriefBot says back, before a channel renders it as a card, blocks or text.</summary>
internal abstract record BotReply;

/// <summary>An answer (or an abstention) to a question; <see cref="QuestionId"/> ties feedback to it.</summary>
internal sealed record AnswerReply(long QuestionId, Answer Answer) : BotReply;

/// <summary>The list of commands.</summary>
internal sealed record HelpReply(IReadOnlyList<(string Command, string Description)> Commands) : BotReply;

/// <summary>What is indexed.</summary>
internal sealed record SourcesReply(IReadOnlyList<DocumentInfo> Documents, int Passages, int Skipped = 0) : BotReply;

/// <summary>A plain sentence (a greeting, a refusal, a confirmation).</summary>
internal sealed record TextReply(string Text) : BotReply;
