namespace BriefBot.Search.Rephrasing;

/// <summary>Turns an extractive answer into a short plain-language one that keeps its quote and citation.</summary>
public interface IRephraser
{
    /// <summary>
    /// Asks the model to rephrase <paramref name="answer"/> (its <see cref="Answer.Question"/> and passages), checks the
    /// reply against the passages, and returns it, or the extractive answer with the reason. Never throws for a
    /// failure of the model or the service; throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<RephrasedAnswer> RephraseAsync(Answer answer, CancellationToken cancellationToken = default);
}
