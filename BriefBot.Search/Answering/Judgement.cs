namespace BriefBot.Search.Answering;

/// <summary>
/// How evidence is weighed: which candidate passage answers best, and how sure that answer is. The weights were
/// fitted on half of the public SQuAD development questions (see docs/quality.md) and checked on the other half;
/// they weigh general signals (term coverage, BM25, names, the kind of answer), not particular questions.
/// </summary>
internal static class Judgement
{
    public static double Rank(Evidence e) =>
        1.0 * e.Rank + 0.85 * e.Best.Coverage + 1.1 * e.Coverage + (e.Best.Cue ? 0.35 : 0);

    /// <summary>
    /// How likely the passage is to answer the question at all (0..1): a logistic model fitted to tell questions the
    /// corpus answers from questions about articles it lacks. Strong BM25 matches, names found as written and full
    /// coverage raise it; a weighty question term that the passage lacks lowers it.
    /// </summary>
    public static double Confidence(Evidence e, ParsedQuestion question)
    {
        double z = -1.435
            + 0.868 * e.Coverage
            + 2.112 * e.Strength
            - 1.038 * e.MissingMax
            + 1.253 * e.Names
            + 0.868 * e.Best.Coverage
            - 0.0298 * question.Terms.Count;
        return 1 / (1 + Math.Exp(-z));
    }
}
