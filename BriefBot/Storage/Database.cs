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
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile bool _ready;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_ready)
        {
            await MigrateAsync(cancellationToken);
        }

        return await ConnectAsync(cancellationToken);
    }

    /// <summary>
    /// Runs one write (a statement, or a transaction the callback commits) on a connection of its own, one writer of
    /// this process at a time. SQLite lets one connection write at a time anyway; a writer that finds the file locked
    /// sleeps in SQLite's busy handler (1, 2, 5, … 100 ms at a time), where one queued here resumes as soon as the
    /// writer before it is done. Writers in other processes (the CLI) still meet the busy timeout.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            return await write(connection);
        }
        finally
        {
            _writer.Release();
        }
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
