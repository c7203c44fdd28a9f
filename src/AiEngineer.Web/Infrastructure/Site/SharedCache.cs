namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// One value shared by every request. Loaded once; after <see cref="MaxAge"/> the value is still served while one
/// background load replaces it (so another app instance's change shows within seconds), and no request ever waits on the
/// database for it again. A save on this instance calls <see cref="ReloadAsync"/> so its change shows at once.
/// Why never load on a request thread once warm: a request inside a transaction holds a pooled connection, and a
/// synchronous reload would take a second one; under a rush every connection can end up waiting for another.
/// </summary>
public sealed class SharedCache<T>(Func<CancellationToken, Task<T>> load, ILogger log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private sealed record Entry(T Value, long LoadedAt, long Sequence);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _entry;
    private long _sequence;
    private int _refreshing;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        if (Current() is { } hit) return hit.Value;
        await _gate.WaitAsync(ct);
        try
        {
            return Volatile.Read(ref _entry) is { } again ? again.Value : await LoadAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>For synchronous callers. Waits for the database only on the very first use (or after <see cref="Invalidate"/>).</summary>
    public T Get() => Current() is { } hit ? hit.Value : GetAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Loads the value now and keeps it (unless a load that started later already kept a newer one).</summary>
    public async Task ReloadAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Forgets the value: the next reader loads it.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _sequence);
        Volatile.Write(ref _entry, null);
    }

    private Entry? Current()
    {
        var e = Volatile.Read(ref _entry);
        if (e is not null && Environment.TickCount64 - e.LoadedAt >= MaxAge.TotalMilliseconds) RefreshInBackground();
        return e;
    }

    private void RefreshInBackground()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The old value stays; the next reader after MaxAge tries again.
                log.LogWarning(ex, "Refreshing a shared cache failed; serving the previous value");
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    private async Task<T> LoadAsync(CancellationToken ct)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var value = await load(ct);
        var fresh = new Entry(value, Environment.TickCount64, sequence);
        while (true)
        {
            var current = Volatile.Read(ref _entry);
            if (current is not null && current.Sequence > sequence) return value;
            if (Interlocked.CompareExchange(ref _entry, fresh, current) == current) return value;
        }
    }
}
