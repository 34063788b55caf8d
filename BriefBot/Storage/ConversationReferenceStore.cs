namespace BriefBot.Storage;

/// <summary>Where a proactive message can go: the channel's service URL and the conversation, as learnt when the bot was added.</summary>
internal sealed record ConversationReference(
    string ChannelId,
    string ConversationId,
    string ServiceUrl,
    string? ConversationType,
    string? TenantId,
    string? TeamId,
    string BotId,
    string? BotName);

/// <summary>The conversations the bot belongs to, kept from installation to removal, for proactive messages.</summary>
internal sealed class ConversationReferenceStore(Database database, TimeProvider clock)
{
    public static readonly SchemaPart Schema = new("conversation_references",
    [
        """
        CREATE TABLE conversation_references (
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            conversation_type TEXT,
            tenant_id TEXT,
            team_id TEXT,
            bot_id TEXT NOT NULL,
            bot_name TEXT,
            added_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );
        CREATE INDEX conversation_references_team ON conversation_references (channel_id, team_id);
        """,
    ]);

    /// <summary>Stores the reference, or refreshes it (the service URL may move).</summary>
    /// <returns>True when the conversation was not known before.</returns>
    public async Task<bool> SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        int inserted = await connection.ExecuteAsync(
            """
            INSERT INTO conversation_references (channel_id, conversation_id, service_url, conversation_type, tenant_id, team_id, bot_id, bot_name, added_at, updated_at)
            VALUES ($channel, $conversation, $service, $type, $tenant, $team, $bot, $bot_name, $now, $now)
            ON CONFLICT (channel_id, conversation_id) DO NOTHING
            """,
            cancellationToken, Parameters(reference, now));
        if (inserted == 0)
        {
            await connection.ExecuteAsync(
                """
                UPDATE conversation_references SET service_url = $service, conversation_type = $type, tenant_id = $tenant,
                    team_id = $team, bot_id = $bot, bot_name = $bot_name, updated_at = $now
                WHERE channel_id = $channel AND conversation_id = $conversation
                """,
                cancellationToken, Parameters(reference, now));
        }

        return inserted > 0;
    }

    /// <summary>Forgets a conversation, and when it is a team, every conversation of that team.</summary>
    /// <returns>How many references were removed.</returns>
    public async Task<int> ForgetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM conversation_references WHERE channel_id = $channel AND (conversation_id = $conversation OR team_id = $conversation)",
            cancellationToken, ("$channel", channelId), ("$conversation", conversationId));
    }

    public async Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE channel_id = $channel AND conversation_id = $conversation", cancellationToken,
            ("$channel", channelId), ("$conversation", conversationId))).SingleOrDefault();

    /// <summary>Every stored reference, oldest first.</summary>
    public Task<List<ConversationReference>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY added_at", cancellationToken);

    /// <summary>Whether a stored reference (hence a validated request) carries this service URL.</summary>
    public async Task<bool> KnowsServiceUrlAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT EXISTS (SELECT 1 FROM conversation_references WHERE service_url = $service COLLATE NOCASE)", ("$service", serviceUrl));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) != 0;
    }

    private static (string, object?)[] Parameters(ConversationReference r, long now) =>
    [
        ("$channel", r.ChannelId), ("$conversation", r.ConversationId), ("$service", r.ServiceUrl), ("$type", r.ConversationType),
        ("$tenant", r.TenantId), ("$team", r.TeamId), ("$bot", r.BotId), ("$bot_name", r.BotName), ("$now", now),
    ];

    private async Task<List<ConversationReference>> QueryAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT channel_id, conversation_id, service_url, conversation_type, tenant_id, team_id, bot_id, bot_name FROM conversation_references {where}",
            parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ConversationReference>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ConversationReference(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader[3] as string,
                reader[4] as string, reader[5] as string, reader.GetString(6), reader[7] as string));
        }

        return rows;
    }
}
