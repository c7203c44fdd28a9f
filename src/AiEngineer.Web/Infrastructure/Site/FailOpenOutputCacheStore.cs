using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// The shared Redis page store, made safe to lose. While Redis is unreachable a read is a miss (the page is rendered, as
/// if nothing were cached), a write is skipped, and an eviction is remembered: pages cached before the outage may still
/// be in Redis when it comes back, so the remembered tags are evicted as soon as the connection is restored. Nothing
/// waits out Redis's timeout while the connection is known to be down, and an error from Redis never becomes an error
/// page. Without Redis configured the app uses the in-memory store and this class is not involved.
/// </summary>
public sealed class FailOpenOutputCacheStore : IOutputCacheStore, IOutputCacheBufferStore
{
    private readonly IOutputCacheStore _inner;
    private readonly IOutputCacheBufferStore? _buffers;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<FailOpenOutputCacheStore> _log;
    private readonly HashSet<string> _missed = [];
    private long _lastFailureWarning;

    public FailOpenOutputCacheStore(IOutputCacheStore inner, IConnectionMultiplexer redis, ILogger<FailOpenOutputCacheStore> log)
    {
        _inner = inner;
        _buffers = inner as IOutputCacheBufferStore;
        _redis = redis;
        _log = log;
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive) _ = ReplayAsync();
        };
    }

    /// <summary>The Redis store this one wraps.</summary>
    public IOutputCacheStore Inner => _inner;

    /// <summary>Tags whose eviction waits for Redis to come back.</summary>
    public IReadOnlyCollection<string> MissedEvictions
    {
        get { lock (_missed) return [.. _missed]; }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_redis.IsConnected) return null;
        try
        {
            return await _inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex);
            return null;
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (_buffers is null)
        {
            var bytes = await GetAsync(key, cancellationToken);
            if (bytes is null) return false;
            await destination.WriteAsync(bytes, cancellationToken);
            return true;
        }
        if (!_redis.IsConnected) return false;
        try
        {
            return await _buffers.TryGetAsync(key, destination, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!_redis.IsConnected) return;
        try
        {
            await _inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex);
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (_buffers is null)
        {
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            return;
        }
        if (!_redis.IsConnected) return;
        try
        {
            await _buffers.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!_redis.IsConnected)
        {
            Miss(tag);
            return;
        }
        try
        {
            await _inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex);
            Miss(tag);
        }
    }

    private void Miss(string tag)
    {
        bool added;
        lock (_missed) added = _missed.Add(tag);
        if (added) _log.LogWarning("Redis is unreachable: the pages tagged {Tag} are evicted when it is back", tag);
    }

    private async Task ReplayAsync()
    {
        string[] tags;
        lock (_missed)
        {
            tags = [.. _missed];
            _missed.Clear();
        }
        foreach (var tag in tags)
        {
            try
            {
                await _inner.EvictByTagAsync(tag, CancellationToken.None);
                _log.LogInformation("Redis is back: evicted the pages tagged {Tag}, saved while it was away", tag);
            }
            catch (Exception ex)
            {
                _log.LogWarning(ex, "Evicting the pages tagged {Tag} after Redis came back failed; trying at the next reconnection", tag);
                Miss(tag);
            }
        }
    }

    // A request the visitor abandoned is not a Redis failure.
    private static bool IsRedisFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
        && ex is RedisException or TimeoutException or ObjectDisposedException or OperationCanceledException;

    private void Failed(Exception ex)
    {
        // One warning a minute, not one per request of a rush.
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastFailureWarning);
        if (last != 0 && now - last < 60_000) return;
        if (Interlocked.CompareExchange(ref _lastFailureWarning, now, last) == last)
            _log.LogWarning(ex, "Redis failed; pages are rendered without the shared cache until it answers again");
    }
}
