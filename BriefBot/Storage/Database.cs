using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefBot.Storage;

/// <summary>
/// BriefBot's SQLite file. Opens connections in write-ahead-log mode and, on first use, brings every registered
/// <see cref="SchemaPart"/> up to date.
/// </summary>
internal sealed class Database(IOptions<StorageOptions> options, IEnumerable<SchemaPart> parts)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.Path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private readonly SemaphoreSlim _migrate = new(1, 1);
    private volatile bool _ready;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_ready)
        {
            await MigrateAsync(cancellationToken);
        }

        return await ConnectAsync(cancellationToken);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL with synchronous=NORMAL: a commit survives a crash of the process (what dedupe and digest runs rely
        // on); only a power cut may lose the last moments, and the file is never corrupted.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Value.Path))!);
            await using var connection = await ConnectAsync(cancellationToken);
            await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_versions (part TEXT PRIMARY KEY, version INTEGER NOT NULL)", cancellationToken);
            foreach (var part in parts)
            {
                await MigrateAsync(connection, part, cancellationToken);
            }

            _ready = true;
        }
        finally
        {
            _migrate.Release();
        }
    }

    private static async Task MigrateAsync(SqliteConnection connection, SchemaPart part, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT version FROM schema_versions WHERE part = $part";
        read.Parameters.AddWithValue("$part", part.Name);
        int version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken) ?? 0);

        for (int i = version; i < part.Migrations.Count; i++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = part.Migrations[i] + ";\nINSERT INTO schema_versions (part, version) VALUES ($part, $version) ON CONFLICT(part) DO UPDATE SET version = excluded.version;";
            migrate.Parameters.AddWithValue("$part", part.Name);
            migrate.Parameters.AddWithValue("$version", i + 1);
            await migrate.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
