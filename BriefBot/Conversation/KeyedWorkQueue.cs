namespace BriefBot.Conversation;

/// <summary>
/// Work acknowledged to a channel and done afterwards: one lane per conversation, whose items run one at a time and
/// in order, while lanes run side by side. No lane waits for another, so a conversation whose channel hangs holds
/// up only itself. Bounded twice: in all and per conversation; a full queue refuses, and the webhook says 503.
/// </summary>
/// <remarks>
/// A lane holds no worker slot while it waits on the network; the CPU-bound step of answering takes its own turn
/// (<see cref="ConversationService"/>), so the thread pool stays free for the webhooks' acknowledgements.
/// </remarks>
internal sealed class KeyedWorkQueue<T>(int capacity, int capacityPerKey, ILogger logger)
{
    private readonly Dictionary<string, Queue<T>> _lanes = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _running = [];
    private Func<T, CancellationToken, Task>? _handle;
    private CancellationToken _stopping;
    private int _count;

    /// <summary>Items waiting or under way.</summary>
    public int Count
    {
        get
        {
            lock (_lanes)
            {
                return _count;
            }
        }
    }

    /// <summary>Queues <paramref name="item"/> behind the other items of <paramref name="key"/>.</summary>
    /// <returns>False when the queue holds <c>capacity</c> items, or the key <c>capacityPerKey</c>.</returns>
    public bool TryEnqueue(string key, T item)
    {
        lock (_lanes)
        {
            if (_count >= capacity || _stopping.IsCancellationRequested)
            {
                return false;
            }

            bool idle = !_lanes.TryGetValue(key, out var lane);
            if (lane is null)
            {
                lane = new Queue<T>();
                _lanes[key] = lane;
            }
            else if (lane.Count >= capacityPerKey)
            {
                return false;
            }

            lane.Enqueue(item);
            _count++;
            if (idle && _handle is not null)
            {
                Start(key);
            }
        }

        return true;
    }

    /// <summary>
    /// Runs the lanes with <paramref name="handle"/> until <paramref name="stopping"/>, then waits for the items under
    /// way; items not begun by then stay unhandled. <paramref name="handle"/> is given <paramref name="stopping"/> and
    /// logs its own failures; one that escapes is logged here and the lane goes on.
    /// </summary>
    public async Task RunAsync(Func<T, CancellationToken, Task> handle, CancellationToken stopping)
    {
        lock (_lanes)
        {
            _handle = handle;
            _stopping = stopping;
            foreach (string key in _lanes.Keys)
            {
                Start(key);
            }
        }

        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        Task[] running;
        lock (_lanes)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }

    // Called under the lock, for a lane that has items and no task running it.
    private void Start(string key)
    {
        var lane = Task.Run(() => RunLaneAsync(key));
        _running.Add(lane);
        lane.ContinueWith(done =>
        {
            lock (_lanes)
            {
                _running.Remove(done);
            }
        }, TaskScheduler.Default);
    }

    private async Task RunLaneAsync(string key)
    {
        while (true)
        {
            T item;
            lock (_lanes)
            {
                var lane = _lanes[key];
                if (_stopping.IsCancellationRequested || !lane.TryPeek(out item!))
                {
                    if (lane.Count == 0)
                    {
                        _lanes.Remove(key);
                    }

                    return;
                }
            }

            try
            {
                await _handle!(item, _stopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                logger.LogError(ex, "A queued item of conversation {ConversationId} failed", key);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the item under way was cut off.
            }
            finally
            {
                lock (_lanes)
                {
                    _lanes[key].Dequeue();
                    _count--;
                }
            }
        }
    }
}
