using BriefBot.Search.Text;

namespace BriefBot.Search.Answering;

/// <summary>A passage returned by the index, with what the answerer needs of it.</summary>
internal sealed record CandidatePassage(
    string Path,
    string Title,
    string? Url,
    string? Section,
    int Ordinal,
    int Start,
    int End,
    string Text,
    float Score);

/// <summary>A sentence of a candidate passage, scored against the question.</summary>
internal sealed record ScoredSentence(CandidatePassage Passage, Span Span, double Score, double Coverage, IReadOnlySet<string> Matched);
