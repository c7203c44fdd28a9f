namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// One value shared by every request, loaded on first use and kept at most <see cref="MaxAge"/> (so another app
/// instance's change shows within that), emptied at once by <see cref="Invalidate"/> (this instance's change).
/// A load that started before an invalidation is returned to its caller but not kept.
/// </summary>
public sealed class SharedCache<T>
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private sealed record Entry(T Value, long LoadedAt, long Generation);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _entry;
    private long _generation;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        if (Fresh() is { } hit) return hit.Value;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } again) return again.Value;
            var generation = Interlocked.Read(ref _generation);
            return Keep(await load(ct), generation);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>For synchronous callers; concurrent misses may each load, which is harmless.</summary>
    public T Get(Func<T> load)
    {
        if (Fresh() is { } hit) return hit.Value;
        var generation = Interlocked.Read(ref _generation);
        return Keep(load(), generation);
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    private Entry? Fresh() =>
        Volatile.Read(ref _entry) is { } e && e.Generation == Interlocked.Read(ref _generation)
        && Environment.TickCount64 - e.LoadedAt < MaxAge.TotalMilliseconds ? e : null;

    private T Keep(T value, long generation)
    {
        if (generation == Interlocked.Read(ref _generation))
            Volatile.Write(ref _entry, new Entry(value, Environment.TickCount64, generation));
        return value;
    }
}
