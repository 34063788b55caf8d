using System.Threading.Channels;
using BriefBot.Conversation;

namespace BriefBot.Rephrasing;

/// <summary>Puts a rephrased answer in place of the message already sent; false when the channel refused it.</summary>
internal delegate Task<bool> ReplaceMessage(RephrasedReply rephrased, CancellationToken cancellationToken);

/// <summary>An answer already sent in a channel, waiting for its rephrasing; <paramref name="Channel"/> and <paramref name="ConversationId"/> are for the log.</summary>
internal sealed record RephraseJob(AnswerReply Reply, string Channel, string ConversationId, ReplaceMessage Replace);

/// <summary>
/// The channels' way to rephrase: after a channel has sent the extractive answer, it hands the answer and a way to
/// replace that message to this queue and goes on with the next message; <see cref="RephraseWorker"/> asks the model
/// and replaces the message only when the rephrasing passed the grounding check. Bounded: when the model is this far
/// behind, answers are left extractive rather than piling up.
/// </summary>
internal sealed class RephraseQueue(RephrasingService rephrasing, ILogger<RephraseQueue> logger)
{
    public const int Capacity = 128;

    private readonly Channel<RephraseJob> _jobs = Channel.CreateBounded<RephraseJob>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<RephraseJob> Reader => _jobs.Reader;

    /// <summary>
    /// Queues <paramref name="reply"/> for rephrasing when it is an answer (not help, sources, text or an abstention)
    /// and rephrasing is configured; <paramref name="replace"/> is called later, at most once.
    /// </summary>
    /// <returns>True when queued.</returns>
    public bool TryQueue(BotReply reply, string channel, string conversationId, ReplaceMessage replace)
    {
        if (!rephrasing.Enabled || reply is not AnswerReply { Answer.IsAnswered: true } answer)
        {
            return false;
        }

        if (_jobs.Writer.TryWrite(new RephraseJob(answer, channel, conversationId, replace)))
        {
            return true;
        }

        logger.LogWarning("The rephrasing queue is full; question {QuestionId} in {Channel} keeps its extractive answer", answer.QuestionId, channel);
        return false;
    }
}
