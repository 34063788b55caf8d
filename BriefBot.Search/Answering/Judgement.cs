namespace BriefBot.Search.Answering;

/// <summary>
/// How evidence is weighed: which candidate passage answers best, and how sure that answer is. The weights were
/// fitted on half of the public SQuAD development questions, checked on the other half, then fitted on all of them
/// (see docs/quality.md); they weigh general signals (term coverage in words and in meaning, BM25, names, the kind
/// of answer), not particular questions.
/// </summary>
internal static class Judgement
{
    /// <summary>
    /// How well a candidate answers, to rank candidates against each other: its BM25 relative to the best, the share
    /// of the question its best sentence and the passage hold in words, the answer cue, the same in meaning, and the
    /// share of the question's three-word runs the passage repeats.
    /// </summary>
    public static double Rank(Evidence e) =>
        1.0 * e.Rank + 0.509 * e.Best.Coverage + 1.18 * e.Coverage + (e.Best.Cue ? 0.413 : 0)
        + 1.997 * e.Best.Meaning + 1.575 * e.Meaning + 0.655 * e.Best.Likeness + 0.423 * e.Likeness
        + 1.241 * e.Phrases;

    /// <summary>
    /// How likely the passage is to answer the question at all (0..1): a logistic model fitted to tell questions the
    /// corpus answers from questions about articles it lacks. Strong BM25 matches, names found as written, and a
    /// passage and sentence that hold the question in words and in meaning raise it.
    /// </summary>
    public static double Confidence(Evidence e)
    {
        double z = -8.817
            + 3.146 * e.Strength
            + 1.792 * e.Names
            + 1.323 * e.Best.Coverage
            + 4.864 * e.Meaning
            + 0.373 * e.Best.Meaning
            + 2.246 * e.Likeness
            + 2.859 * e.Best.Likeness;
        return 1 / (1 + Math.Exp(-z));
    }
}
