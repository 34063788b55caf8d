using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefBot.Storage;

/// <summary>
/// BriefBot's SQLite file. Opens connections in write-ahead-log mode and, on first use, brings every registered
/// <see cref="SchemaPart"/> up to date. Once it has, the file must stay: a file that vanishes is never created
/// again behind the host's back (that would be an empty database answering as if nothing had happened), and every
/// use fails with a <see cref="StorageUnavailableException"/> that names the file.
/// </summary>
internal sealed class Database(IOptions<StorageOptions> options, IEnumerable<SchemaPart> parts)
{
    private readonly string _path = Path.GetFullPath(options.Value.Path);
    private readonly SemaphoreSlim _migrate = new(1, 1);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile bool _ready;

    /// <summary>The SQLite file's full path.</summary>
    public string FilePath => _path;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_ready)
        {
            await MigrateAsync(cancellationToken);
        }

        if (!File.Exists(_path))
        {
            // Pooled connections still hold the deleted file: whatever they wrote would vanish with it.
            using (var stale = new SqliteConnection(ConnectionString(SqliteOpenMode.ReadWrite)))
            {
                SqliteConnection.ClearPool(stale);
            }

            throw new StorageUnavailableException(
                $"The SQLite file {_path} is gone (deleted while BriefBot was running?): restore it, or restart BriefBot to begin a new, empty one.");
        }

        return await ConnectAsync(SqliteOpenMode.ReadWrite, cancellationToken);
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

    /// <summary>Opens the file and reads its schema versions: null when it is usable, else a sentence naming the file and why not.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await connection.ExecuteAsync("SELECT COUNT(*) FROM schema_versions", cancellationToken);
            return null;
        }
        catch (StorageUnavailableException ex)
        {
            return ex.Message;
        }
        catch (SqliteException ex)
        {
            return Unusable(ex).Message;
        }
    }

    private async Task<SqliteConnection> ConnectAsync(SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString(mode));
        try
        {
            await connection.OpenAsync(cancellationToken);
            // WAL with synchronous=NORMAL: a commit survives a crash of the process (what dedupe and digest runs rely
            // on); only a power cut may lose the last moments, and the file is never corrupted.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private string ConnectionString(SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = _path,
        Mode = mode,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using var connection = await ConnectAsync(SqliteOpenMode.ReadWriteCreate, cancellationToken);
            await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_versions (part TEXT PRIMARY KEY, version INTEGER NOT NULL)", cancellationToken);
            foreach (var part in parts)
            {
                await MigrateAsync(connection, part, cancellationToken);
            }

            _ready = true;
        }
        catch (SqliteException ex)
        {
            throw Unusable(ex);
        }
        finally
        {
            _migrate.Release();
        }
    }

    private StorageUnavailableException Unusable(SqliteException ex) => new(
        $"The SQLite file {_path} cannot be used: {ex.Message.TrimEnd('.')}. Move it aside or restore it from a backup (BriefBot begins a new, empty one where none is).", ex);

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

/// <summary>The SQLite file cannot be used (missing, not a database, unreadable); the message names the file and says what to do.</summary>
internal sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
