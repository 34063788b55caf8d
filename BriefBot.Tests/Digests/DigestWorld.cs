using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Search;
using BriefBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefBot.Tests.Digests;

/// <summary>
/// Everything a digest needs, for real: a source folder indexed on disk, a SQLite file, a fake clock, and a
/// recording sender for Teams and one for Slack. <see cref="Restart"/> builds the services anew on the same files,
/// as a new process would.
/// </summary>
internal sealed class DigestWorld : IDisposable
{
    private readonly TempFolder _folder = new();

    public DigestWorld(DateTimeOffset start, DigestOptions? options = null)
    {
        Clock = new FakeTimeProvider(start);
        Options = options ?? new DigestOptions();
        Directory.CreateDirectory(Sources);
        Knowledge = Knowledge.Open(new KnowledgeOptions { SourceFolder = Sources, IndexFolder = _folder.Combine("index"), Clock = Clock });
        Restart();
    }

    public FakeTimeProvider Clock { get; }

    public DigestOptions Options { get; }

    public Knowledge Knowledge { get; }

    public string Sources => _folder.Combine("sources");

    public RecordingDigestSender Teams { get; } = new("msteams");

    public RecordingDigestSender Slack { get; } = new("slack");

    public SubscriptionStore Subscriptions { get; private set; } = null!;

    public DigestRuns Runs { get; private set; } = null!;

    public QuestionLog Questions { get; private set; } = null!;

    public DigestScheduler Scheduler { get; private set; } = null!;

    public DigestCommands Commands { get; private set; } = null!;

    public void Restart()
    {
        var database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = _folder.Combine("briefbot.db") }),
            [QuestionLog.Schema, DigestSchema.Part]);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Subscriptions = new SubscriptionStore(database, Clock);
        Runs = new DigestRuns(database, Clock);
        Questions = new QuestionLog(database, Clock);
        var composer = new DigestComposer(Knowledge, Questions, options);
        Scheduler = new DigestScheduler(Subscriptions, Runs, composer, [Teams, Slack], Clock, NullLogger<DigestScheduler>.Instance);
        Commands = new DigestCommands(Subscriptions, Runs, composer, options, Clock);
    }

    /// <summary>Writes a source document and indexes it at the clock's current time.</summary>
    public void Publish(string name, string text)
    {
        File.WriteAllText(Path.Combine(Sources, name), text);
        Knowledge.Refresh();
    }

    public Task<DigestSubscription> SubscribeAsync(string channel, string conversation, string time, string zone, bool sayNothingNew = true) =>
        Subscriptions.SaveAsync(channel, conversation, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone, sayNothingNew, null, CancellationToken.None);

    public Task<int> TickAsync() => Scheduler.RunDueAsync(CancellationToken.None);

    public void Dispose()
    {
        Knowledge.Dispose();
        _folder.Dispose();
    }
}
