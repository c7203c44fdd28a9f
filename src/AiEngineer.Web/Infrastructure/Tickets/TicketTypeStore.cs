using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>
/// Every ticket type, shared by the checkout's requests: under a rush each buyer reads them twice (the form, the order),
/// and they change only when an organizer edits one. A save that changes a type reloads them at once (through
/// <see cref="PublicPageCache.EvictionInterceptor"/>); another instance's edit shows here within seconds
/// (<see cref="SharedCache{T}"/>). The seat counts in them are as old as the last load: the conditional UPDATE that
/// takes seats is the authority, and <see cref="TicketSales"/> checks the database before it refuses for want of seats.
/// Callers get shared, untracked objects and must not change them.
/// </summary>
public sealed class TicketTypeStore
{
    private readonly SharedCache<IReadOnlyDictionary<int, TicketType>> _cache;

    public TicketTypeStore(IServiceScopeFactory scopes, ILogger<TicketTypeStore> log) =>
        _cache = new(async ct =>
        {
            using var scope = scopes.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TicketTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        }, log);

    /// <summary>The types with these ids; an id that names no type is left out.</summary>
    public async Task<Dictionary<int, TicketType>> GetAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var all = await _cache.GetAsync(ct);
        var chosen = new Dictionary<int, TicketType>();
        foreach (var id in ids)
            if (all.TryGetValue(id, out var type)) chosen[id] = type;
        return chosen;
    }

    public Task ReloadAsync(CancellationToken ct = default) => _cache.ReloadAsync(ct);

    public void Invalidate() => _cache.Invalidate();
}
