namespace BriefBot.Tests.Fakes;

/// <summary>
/// What a fake saw, in order: added to from request or logging threads, read as a snapshot, and waited on until
/// something in it matches, without polling.
/// </summary>
public sealed class Recording<T>
    where T : class
{
    private readonly List<T> _items = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _items.Add(item);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    public void Clear()
    {
        lock (_lock)
        {
            _items.Clear();
        }
    }

    /// <summary>The first item that matches, as soon as there is one; after <paramref name="timeout"/> a
    /// <see cref="TimeoutException"/> whose message <paramref name="describe"/> writes from what was seen.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan timeout, Func<IReadOnlyList<T>, string> describe)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _items.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(describe(Items));
            }
        }
    }
}
