using BriefBot.Storage;

namespace BriefBot.Digests;

/// <summary>The digest tables: who subscribed, and each (subscription, local day) run before and after sending.</summary>
internal static class DigestSchema
{
    public static readonly SchemaPart Part = new("digests",
    [
        """
        CREATE TABLE digest_subscriptions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            time_of_day TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            say_nothing_new INTEGER NOT NULL,
            reference TEXT,
            since INTEGER NOT NULL,
            UNIQUE (channel, conversation_key)
        );
        CREATE TABLE digest_runs (
            subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
            local_date TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            covered_until INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            PRIMARY KEY (subscription_id, local_date)
        );
        """,
    ]);
}
