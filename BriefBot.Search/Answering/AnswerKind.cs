namespace BriefBot.Search.Answering;

/// <summary>What sort of thing the question asks for, read from its question words.</summary>
internal enum AnswerKind
{
    Other,
    Person,
    Time,
    Number,
    Place,
}
