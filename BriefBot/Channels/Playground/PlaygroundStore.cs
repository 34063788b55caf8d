using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Playground;

/// <summary>
/// The playground's conversations, in memory and bounded: at most <see cref="PlaygroundOptions.MaxConversations"/>,
/// each keeping its latest activities, forgotten after <see cref="PlaygroundOptions.IdleMinutes"/> without use.
/// </summary>
internal sealed class PlaygroundStore(IOptions<PlaygroundOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PlaygroundConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _starting = new();

    public TimeSpan IdleLimit => TimeSpan.FromMinutes(options.Value.IdleMinutes);

    /// <summary>A new conversation with its own token, or null when the store is full of conversations still in use.</summary>
    public PlaygroundConversation? Start()
    {
        lock (_starting)
        {
            ForgetIdle();
            if (_conversations.Count >= options.Value.MaxConversations)
            {
                return null;
            }

            var conversation = new PlaygroundConversation(NewId(12), NewId(32), options.Value.MaxActivitiesPerConversation, time);
            _conversations[conversation.Id] = conversation;
            return conversation;
        }
    }

    /// <summary>The conversation this bearer token belongs to, if it is still alive.</summary>
    public PlaygroundConversation? FindByToken(string? token) =>
        token is null ? null : _conversations.Values.FirstOrDefault(c => c.Accepts(token) && Alive(c));

    /// <summary>The conversation with this id, if <paramref name="token"/> is its token and it is still alive.</summary>
    public PlaygroundConversation? Find(string id, string? token) =>
        token is not null && _conversations.TryGetValue(id, out var c) && c.Accepts(token) && Alive(c) ? c : null;

    /// <summary>For the bot's side (the playground's Connector), which holds no token.</summary>
    public PlaygroundConversation? FindForBot(string id) =>
        _conversations.TryGetValue(id, out var c) && Alive(c) ? c : null;

    private bool Alive(PlaygroundConversation conversation) => time.GetUtcNow() - conversation.LastUsed < IdleLimit;

    private void ForgetIdle()
    {
        foreach (var idle in _conversations.Values.Where(c => !Alive(c)).ToList())
        {
            _conversations.TryRemove(idle.Id, out _);
        }
    }

    private static string NewId(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One playground conversation: its token and its latest activities, numbered for Direct Line watermarks.</summary>
internal sealed class PlaygroundConversation(string id, string token, int capacity, TimeProvider time)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);
    private readonly Queue<(long Sequence, JsonObject Activity)> _activities = new();
    private readonly Lock _lock = new();
    private long _next;

    public string Id { get; } = id;
    public string Token { get; } = token;
    private long _lastUsedTicks = time.GetUtcNow().UtcTicks;

    /// <summary>Read without the lock by the store's expiry checks, so kept as ticks and written atomically.</summary>
    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public bool Accepts(string candidate) => CryptographicOperations.FixedTimeEquals(_token, Encoding.UTF8.GetBytes(candidate));

    /// <summary>Adds an activity, giving it its id, timestamp, channel and conversation; returns the id.</summary>
    public string Add(JsonObject activity)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
            string activityId = $"{Id}|{_next:D7}";
            activity["id"] = activityId;
            activity["timestamp"] = now.ToString("O");
            activity["channelId"] = PlaygroundBot.ChannelId;
            activity["conversation"] = new JsonObject { ["id"] = Id };
            _activities.Enqueue((_next++, activity));
            while (_activities.Count > capacity)
            {
                _activities.Dequeue();
            }

            return activityId;
        }
    }

    /// <summary>Copies of the activities from <paramref name="watermark"/> on, and the watermark to ask with next.</summary>
    public (IReadOnlyList<JsonNode> Activities, long Watermark) Since(long watermark)
    {
        lock (_lock)
        {
            Interlocked.Exchange(ref _lastUsedTicks, time.GetUtcNow().UtcTicks);
            var activities = _activities.Where(a => a.Sequence >= watermark).Select(a => a.Activity.DeepClone()).ToList();
            return (activities, _next);
        }
    }
}
