using BriefBot.Search;
using BriefBot.Storage;

namespace BriefBot.Conversation;

/// <summary>A question as logged: what was asked, where, and whether the sources answered it.</summary>
internal sealed record LoggedQuestion(long Id, string Channel, string ConversationId, string Question, bool Answered, string? Quote, string? SourcePath, DateTimeOffset AskedAt);

/// <summary>Every question asked, in SQLite: the ground for feedback and for the digest's "asked yesterday".</summary>
internal sealed class QuestionLog(Database database, TimeProvider clock)
{
    public static readonly SchemaPart Schema = new("questions",
    [
        """
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            user_id TEXT,
            question TEXT NOT NULL,
            answered INTEGER NOT NULL,
            quote TEXT,
            source_path TEXT,
            asked_at INTEGER NOT NULL
        );
        CREATE INDEX questions_asked_at ON questions (asked_at);
        """,
    ]);

    public Task<long> RecordAsync(IncomingMessage message, Answer answer, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                """
                INSERT INTO questions (channel, conversation_id, user_id, question, answered, quote, source_path, asked_at)
                VALUES ($channel, $conversation, $user, $question, $answered, $quote, $source, $at)
                RETURNING id
                """,
                ("$channel", message.Channel), ("$conversation", message.ConversationId), ("$user", message.UserId),
                ("$question", answer.Question), ("$answered", answer.IsAnswered ? 1 : 0), ("$quote", answer.Quote),
                ("$source", answer.Citation?.Path), ("$at", clock.GetUtcNow().ToUnixTimeMilliseconds()));
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }, cancellationToken);

    public async Task<LoggedQuestion?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync("SELECT * FROM questions WHERE id = $id", cancellationToken, ("$id", id));
        return found.SingleOrDefault();
    }

    /// <summary>The questions asked in [from, to), oldest first.</summary>
    public Task<List<LoggedQuestion>> BetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync("SELECT * FROM questions WHERE asked_at >= $from AND asked_at < $to ORDER BY asked_at", cancellationToken,
            ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));

    private async Task<List<LoggedQuestion>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LoggedQuestion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LoggedQuestion(
                reader.GetInt64(reader.GetOrdinal("id")),
                reader.GetString(reader.GetOrdinal("channel")),
                reader.GetString(reader.GetOrdinal("conversation_id")),
                reader.GetString(reader.GetOrdinal("question")),
                reader.GetInt64(reader.GetOrdinal("answered")) != 0,
                reader["quote"] as string,
                reader["source_path"] as string,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("asked_at")))));
        }

        return rows;
    }
}
