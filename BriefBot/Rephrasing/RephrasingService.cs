using BriefBot.Conversation;
using BriefBot.Search;
using BriefBot.Search.Rephrasing;
using Microsoft.Extensions.Options;

namespace BriefBot.Rephrasing;

/// <summary>
/// The host's door to the optional LLM step: rephrases an extractive answer when rephrasing is configured, and logs
/// the outcome (the reason of every fallback, never the texts). Channels call it after sending the extractive answer
/// and replace that message only when <see cref="RephrasedAnswer.IsRephrased"/>.
/// </summary>
internal sealed class RephrasingService(IOptions<OpenAIOptions> options, ILogger<RephrasingService> logger)
{
    private readonly IRephraser? _rephraser = options.Value.Enabled ? Rephraser.Create(options.Value.ToRephrasingOptions()) : null;

    public bool Enabled => _rephraser is not null;

    /// <summary>The reply to put in place of <paramref name="reply"/>, or null when the extractive answer stands.</summary>
    public async Task<RephrasedReply?> TryRephraseAsync(AnswerReply reply, CancellationToken cancellationToken)
    {
        var result = await RephraseAsync(reply.Answer, cancellationToken);
        return result.IsRephrased ? new RephrasedReply(reply.QuestionId, result) : null;
    }

    public async Task<RephrasedAnswer> RephraseAsync(Answer answer, CancellationToken cancellationToken)
    {
        if (_rephraser is null)
        {
            return RephrasedAnswer.Extractive(answer, RephraseOutcome.Disabled);
        }

        var result = await _rephraser.RephraseAsync(answer, cancellationToken);
        double ms = result.Elapsed.TotalMilliseconds;
        switch (result.Outcome)
        {
            case RephraseOutcome.Rephrased:
                logger.LogInformation("Rephrased the answer in {ElapsedMs:F0} ms from {Passages} passages", ms, result.Sources.Count);
                break;
            case RephraseOutcome.NotAnswered:
                logger.LogDebug("Nothing to rephrase: the answer is {Status}", answer.Status);
                break;
            default:
                logger.LogWarning(
                    "Rephrasing fell back to the extractive answer: {Reason} ({Detail}) after {ElapsedMs:F0} ms",
                    result.Outcome, result.Detail ?? "-", ms);
                break;
        }

        return result;
    }
}
