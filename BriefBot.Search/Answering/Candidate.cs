using BriefBot.Search.Text;

namespace BriefBot.Search.Answering;

/// <summary>
/// A passage returned by the index, with what the answerer needs of it; <c>Doc</c> is its document number in the
/// index snapshot it was read from.
/// </summary>
internal sealed record CandidatePassage(
    int Doc,
    string Path,
    string Title,
    string? Url,
    string? Section,
    int Ordinal,
    int Start,
    int End,
    string Text,
    float Score,
    string? Location = null,
    string? Slug = null);

/// <summary>The sentence of a candidate passage that best answers the question, and how well it does.</summary>
/// <param name="Passage">The passage it stands in.</param>
/// <param name="Span">Where it stands in the passage text.</param>
/// <param name="Score">Its score among the passage's sentences.</param>
/// <param name="Coverage">The share of the question (by IDF) it holds.</param>
/// <param name="Cue">Whether it holds something of the kind asked for (a number, a date, a name).</param>
/// <param name="Meaning">The share of the question it holds in meaning (see <see cref="Meaning.Resemblance"/>).</param>
/// <param name="Likeness">How alike it and the question are in meaning as a whole (a cosine).</param>
internal sealed record ScoredSentence(CandidatePassage Passage, Span Span, double Score, double Coverage, bool Cue, double Meaning = 0, double Likeness = 0);

/// <summary>What speaks for one candidate passage, weighed to rank passages and to judge confidence.</summary>
/// <param name="Best">Its best sentence, with the passage.</param>
/// <param name="Rank">Its BM25 score relative to the best candidate's (0..1).</param>
/// <param name="Strength">Its BM25 score per unit of question IDF: how well it matches in absolute terms.</param>
/// <param name="Coverage">The share of the question (by IDF) that the passage, its title and section hold.</param>
/// <param name="Names">The share of the question's capitalised words it holds exactly as written.</param>
/// <param name="Meaning">The share of the question the passage holds in meaning.</param>
/// <param name="Likeness">How alike the passage and the question are in meaning as a whole (a cosine).</param>
/// <param name="Phrases">The share of the question's runs of three words the passage repeats (see <see cref="Answering.Phrases"/>).</param>
internal sealed record Evidence(
    ScoredSentence Best,
    double Rank,
    double Strength,
    double Coverage,
    double Names,
    double Meaning,
    double Likeness,
    double Phrases);
