using BriefBot.Conversation;
using BriefBot.Search.Summaries;

namespace BriefBot.Digests;

/// <summary>
/// One day's digest for one conversation, before any channel renders it: the new and changed documents, newest
/// first, each with up to three key sentences quoted and cited; then yesterday's questions.
/// </summary>
/// <param name="Day">The local day it is for.</param>
/// <param name="Since">Documents indexed after this instant are in it.</param>
/// <param name="Documents">The listed documents, newest first.</param>
/// <param name="MoreDocuments">How many further new documents were left out for length.</param>
/// <param name="Questions">Yesterday's questions in this conversation, or null when there were none.</param>
internal sealed record Digest(DateOnly Day, DateTimeOffset Since, IReadOnlyList<DocumentSummary> Documents, int MoreDocuments, AskedYesterday? Questions)
{
    /// <summary>The line a quiet day gets, when the subscription wants one.</summary>
    public const string NothingNewText = "Nothing new in the sources since the last digest.";

    public bool IsEmpty => Documents.Count == 0 && Questions is null;
}

/// <summary>"asked yesterday: N questions, M without an answer", and the unanswered ones: gaps in the sources.</summary>
/// <param name="Asked">How many questions were asked.</param>
/// <param name="Unanswered">How many of them the sources did not answer.</param>
/// <param name="UnansweredQuestions">The unanswered questions, up to the configured number.</param>
internal sealed record AskedYesterday(int Asked, int Unanswered, IReadOnlyList<string> UnansweredQuestions);

/// <summary>The digest as a reply, for <c>digest now</c>.</summary>
internal sealed record DigestReply(Digest Digest) : BotReply;
