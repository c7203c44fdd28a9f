using System.Text.Json;
using AiEngineer.Web.Infrastructure.Database;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// What a save changed (the tags of <see cref="PublicPageCache.Tags"/>), made true on every app instance. On the saving
/// instance, <see cref="SavedAsync"/> reloads the in-memory copies (the conference, email templates, ticket types, the
/// waiting room), evicts the cached pages and hands the tags to <see cref="SiteChangeFeed"/>; every other instance hears
/// them (<see cref="HeardAsync"/>), reloads its own copies and evicts the pages again: with its own memory store that is
/// the only eviction it gets, and with the shared Redis store it drops any page it rendered from its old copy between the
/// saver's eviction and its own reload.
/// </summary>
public sealed class SiteChanges(IOutputCacheStore store, ConferenceStore conference, Email.EmailTemplates templates,
    Tickets.TicketTypeStore ticketTypes, Tickets.WaitingRoomStore rooms, SiteChangeFeed feed,
    ILogger<SiteChanges> log)
{
    public async Task SavedAsync(IReadOnlySet<string> tags)
    {
        await ReloadAsync(tags);
        await EvictAsync(tags);
        feed.Send(tags);
    }

    /// <summary>Tags another instance saved.</summary>
    public async Task HeardAsync(IReadOnlySet<string> tags)
    {
        await ReloadAsync(tags);
        await EvictAsync(tags);
    }

    // Reloaded now, by the request that saved (its save is done, so its connection is free): every request after this one
    // sees the change, and none of them waits on the database for it.
    private async Task ReloadAsync(IReadOnlySet<string> tags)
    {
        if (tags.Contains(PublicPageCache.Tags.Conference)) await ReloadAsync(conference.ReloadAsync, conference.Invalidate);
        if (tags.Contains(PublicPageCache.Tags.EmailTemplates)) await ReloadAsync(templates.ReloadAsync, templates.Invalidate);
        if (tags.Contains(PublicPageCache.Tags.TicketTypes)) await ReloadAsync(ticketTypes.ReloadAsync, ticketTypes.Invalidate);
        if (tags.Contains(PublicPageCache.Tags.WaitingRoom)) await ReloadAsync(rooms.ReloadAsync, null);
    }

    private async Task ReloadAsync(Func<CancellationToken, Task> reload, Action? invalidate)
    {
        try
        {
            await reload(CancellationToken.None);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Reloading a shared cache after a save failed; the next reader loads it");
            invalidate?.Invoke();
        }
    }

    private async Task EvictAsync(IReadOnlySet<string> tags)
    {
        foreach (var tag in tags)
        {
            try
            {
                // The change is saved; eviction must not turn it into an error page, even if the request was cancelled.
                // With Redis unreachable the store remembers the tag and evicts it once Redis is back (FailOpenOutputCacheStore).
                await store.EvictByTagAsync(tag, CancellationToken.None);
                log.LogDebug("Evicted public pages tagged {Tag}", tag);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Evicting the pages tagged {Tag} failed", tag);
            }
        }
    }
}

/// <summary>
/// Carries saved tags to the other instances. On PostgreSQL: one <c>NOTIFY aie_changes</c> per batch, heard by every
/// instance's <see cref="Live.PostgresLiveListener"/>. Batched on a background loop, never on the request: under a rush
/// each order's save names /tickets, and at most one message per <see cref="Batch"/> goes out for all of them. On SQLite
/// (one instance) nothing is sent.
/// </summary>
public sealed class SiteChangeFeed(DatabaseConnection database, ILogger<SiteChangeFeed> log) : BackgroundService
{
    public const string Channel = "aie_changes";
    public static readonly TimeSpan Batch = TimeSpan.FromMilliseconds(50);

    /// <summary>This instance: a message it sent comes back to its own listener, and is ignored there.</summary>
    public Guid Instance { get; } = Guid.NewGuid();

    private readonly HashSet<string> _pending = [];
    private readonly SemaphoreSlim _signal = new(0);

    public void Send(IReadOnlySet<string> tags)
    {
        if (database.Provider != DatabaseProvider.Postgres || tags.Count == 0) return;
        lock (_pending)
        {
            var wasEmpty = _pending.Count == 0;
            _pending.UnionWith(tags);
            if (wasEmpty) _signal.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Postgres) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(stoppingToken);
                await Task.Delay(Batch, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: what is pending still goes out, so a change saved just before a deploy reaches the others.
            }
            string[] tags;
            lock (_pending)
            {
                tags = [.. _pending];
                _pending.Clear();
            }
            if (tags.Length == 0) continue;
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(CancellationToken.None);
                await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new SiteChangeMessage(Instance, tags)));
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The others catch up by themselves: shared caches reload within seconds, pages within their time bucket.
                log.LogWarning(ex, "Telling the other instances about a change failed");
            }
        }
    }

    /// <summary>Tags from another instance, or null (this instance's own message, or not a message at all).</summary>
    public IReadOnlySet<string>? Read(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<SiteChangeMessage>(payload);
            return message is null || message.Instance == Instance ? null : message.Tags.ToHashSet();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record SiteChangeMessage(Guid Instance, string[] Tags);
