using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// The conference record (with its tracks and rooms), shared by every request: nearly every page shows it, and it
/// changes a few times a year. A save that touches it empties the cache at once (through
/// <see cref="PublicPageCache.EvictionInterceptor"/>); another app instance's save shows here within
/// <see cref="SharedCache{T}.MaxAge"/>. Callers get a shared, untracked object and must not change it.
/// </summary>
public sealed class ConferenceStore(IServiceScopeFactory scopes)
{
    private readonly SharedCache<ConferenceEvent?> _cache = new();

    public Task<ConferenceEvent?> GetAsync(CancellationToken ct = default) => _cache.GetAsync(async token =>
    {
        using var scope = scopes.CreateScope();
        return await Query(scope).FirstOrDefaultAsync(token);
    }, ct);

    /// <summary>For synchronous callers (email composition inside a workflow, options).</summary>
    public ConferenceEvent? Get() => _cache.Get(() =>
    {
        using var scope = scopes.CreateScope();
        return Query(scope).FirstOrDefault();
    });

    public void Invalidate() => _cache.Invalidate();

    private static IQueryable<ConferenceEvent> Query(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Conferences.AsNoTracking().AsSplitQuery()
            .Include(c => c.Tracks.OrderBy(t => t.SortOrder))
            .Include(c => c.Rooms.OrderBy(r => r.SortOrder))
            .OrderBy(c => c.Id);
}
