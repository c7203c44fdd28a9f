using AiEngineer.Core.Conference;
using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// The conference record (with its tracks, rooms and session formats), shared by every request: nearly every page shows it, and it
/// changes a few times a year. A save that touches it reloads it at once (through
/// <see cref="PublicPageCache.EvictionInterceptor"/>); another app instance's save shows here within seconds
/// (<see cref="SharedCache{T}"/>). Callers get a shared, untracked object and must not change it.
/// </summary>
public sealed class ConferenceStore
{
    private readonly SharedCache<ConferenceEvent?> _cache;

    public ConferenceStore(IServiceScopeFactory scopes, ILogger<ConferenceStore> log) =>
        _cache = new(async ct =>
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var conference = await db.Conferences.AsNoTracking().AsSplitQuery()
                .Include(c => c.Tracks.OrderBy(t => t.SortOrder))
                .Include(c => c.Rooms.OrderBy(r => r.SortOrder))
                .OrderBy(c => c.Id)
                .FirstOrDefaultAsync(ct);
            if (conference is not null)
                conference.Formats = await db.SessionFormats.AsNoTracking()
                    .Where(f => db.CallsForPapers.Any(c => c.Id == f.CallForPapersId && c.ConferenceEventId == conference.Id))
                    .OrderBy(f => f.SortOrder).ToListAsync(ct);
            return conference;
        }, log);

    public Task<ConferenceEvent?> GetAsync(CancellationToken ct = default) => _cache.GetAsync(ct);

    /// <summary>For synchronous callers (email composition inside a workflow, options).</summary>
    public ConferenceEvent? Get() => _cache.Get();

    public Task ReloadAsync(CancellationToken ct = default) => _cache.ReloadAsync(ct);

    public void Invalidate() => _cache.Invalidate();
}
