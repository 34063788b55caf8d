using BriefBot.Search;

namespace BriefBot.Conversation;

/// <summary>
/// The channel-agnostic conversation: reads a message as a command (<c>help</c>, <c>sources</c>) or a question,
/// answers it, and logs the question so digests can report what went unanswered.
/// </summary>
internal sealed class ConversationService(Knowledge knowledge, QuestionLog questions, ILogger<ConversationService> logger)
{
    /// <summary>
    /// Searching is CPU work on a pool thread: at most this many at once, whatever the number of conversations under
    /// way, so the threads that acknowledge webhooks stay free. A conversation waiting on its channel holds no turn.
    /// </summary>
    public const int MaxAnswersAtOnce = 4;

    private readonly SemaphoreSlim _answering = new(MaxAnswersAtOnce, MaxAnswersAtOnce);

    public static readonly IReadOnlyList<(string Command, string Description)> Commands =
    [
        ("help", "what I can do"),
        ("sources", "the documents I answer from"),
        ("<your question>", "a quote from the sources that answers it, with where it comes from"),
    ];

    public async Task<BotReply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        string text = message.Text.Trim();
        switch (text.ToLowerInvariant())
        {
            case "help" or "/help" or "?":
                return new HelpReply(Commands);
            case "sources" or "/sources":
                var documents = knowledge.Documents();
                return new SourcesReply(documents, documents.Sum(d => d.Passages), knowledge.LastReport?.Skipped.Count ?? 0);
        }

        Answer answer;
        await _answering.WaitAsync(cancellationToken);
        try
        {
            answer = knowledge.Ask(text);
        }
        finally
        {
            _answering.Release();
        }

        if (answer.Status == AnswerStatus.Rejected)
        {
            return new TextReply(answer.Message ?? Answer.NotFoundMessage);
        }

        long id = await questions.RecordAsync(message, answer, cancellationToken);
        logger.LogInformation(
            "Answered question {QuestionId} in {Channel} conversation {ConversationId}: {Status} with confidence {Confidence:F2}",
            id, message.Channel, message.ConversationId, answer.Status, answer.Confidence);
        return new AnswerReply(id, answer);
    }
}
