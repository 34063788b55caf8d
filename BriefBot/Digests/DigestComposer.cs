using BriefBot.Conversation;
using BriefBot.Search;
using BriefBot.Search.Summaries;
using Microsoft.Extensions.Options;

namespace BriefBot.Digests;

/// <summary>Puts a digest together from the index (what is new) and the question log (what went unanswered).</summary>
internal sealed class DigestComposer(Knowledge knowledge, QuestionLog questions, IOptions<DigestOptions> options)
{
    public const int KeySentences = 3;

    public async Task<Digest> ComposeAsync(DigestSubscription subscription, DateOnly day, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var changed = knowledge.DocumentsSince(since);
        var documents = changed.Take(limits.MaxDocuments)
            .Select(d => knowledge.Summarize(d.Path, KeySentences))
            .OfType<DocumentSummary>()
            .ToList();

        var asked = await questions.BetweenAsync(
            DigestSchedule.StartOf(subscription, day.AddDays(-1)), DigestSchedule.StartOf(subscription, day), cancellationToken);
        // Only this conversation's questions: a channel's digest must not show what someone asked in private.
        var here = asked.Where(q => q.Channel == subscription.Channel && InConversation(q.ConversationId, subscription.ConversationKey)).ToList();
        var unanswered = here.Where(q => !q.Answered).ToList();
        var yesterday = here.Count == 0 ? null : new AskedYesterday(
            here.Count, unanswered.Count, unanswered.Take(limits.MaxUnanswered).Select(q => q.Question).ToList());

        return new Digest(day, since, documents, changed.Count - documents.Count, yesterday);
    }

    // A Teams channel thread's id is the channel's id followed by ";messageid=...".
    private static bool InConversation(string conversationId, string key) =>
        conversationId == key || conversationId.StartsWith(key + ";", StringComparison.Ordinal);
}
