using BriefBot.Storage;

namespace BriefBot.Conversation;

/// <summary>👍/👎 on an answer, from any channel, kept with the question and the answer it judges.</summary>
internal sealed class FeedbackStore(Database database, QuestionLog questions, TimeProvider clock)
{
    public static readonly SchemaPart Schema = new("feedback",
    [
        """
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question_id INTEGER NOT NULL,
            channel TEXT NOT NULL,
            user_id TEXT,
            helpful INTEGER NOT NULL,
            question TEXT NOT NULL,
            quote TEXT,
            source_path TEXT,
            given_at INTEGER NOT NULL,
            UNIQUE (question_id, user_id)
        );
        """,
    ]);

    /// <summary>Stores a vote; a second vote by the same person on the same answer replaces the first.</summary>
    /// <returns>False when the question is unknown.</returns>
    public async Task<bool> RecordAsync(long questionId, string channel, string? userId, bool helpful, CancellationToken cancellationToken)
    {
        var question = await questions.FindAsync(questionId, cancellationToken);
        if (question is null)
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO feedback (question_id, channel, user_id, helpful, question, quote, source_path, given_at)
            VALUES ($question_id, $channel, $user, $helpful, $question, $quote, $source, $at)
            ON CONFLICT (question_id, user_id) DO UPDATE SET helpful = excluded.helpful, given_at = excluded.given_at
            """,
            cancellationToken,
            ("$question_id", questionId), ("$channel", channel), ("$user", userId ?? ""), ("$helpful", helpful ? 1 : 0),
            ("$question", question.Question), ("$quote", question.Quote), ("$source", question.SourcePath),
            ("$at", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        return true;
    }

    /// <summary>(helpful, not helpful) votes so far.</summary>
    public async Task<(int Up, int Down)> TotalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COALESCE(SUM(helpful), 0), COUNT(*) - COALESCE(SUM(helpful), 0) FROM feedback");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }
}
