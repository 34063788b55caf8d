namespace BriefBot.Search.Summaries;

/// <summary>A sentence chosen to summarise a text, verbatim: <c>text[Start..End] == Text</c>.</summary>
/// <param name="Text">The sentence as written.</param>
/// <param name="Start">Its offset in the summarised text.</param>
/// <param name="End">Its end offset (exclusive).</param>
public sealed record KeySentence(string Text, int Start, int End);
