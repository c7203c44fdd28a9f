using System.Runtime.CompilerServices;
using AiEngineer.Core.Cfp;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Schedule;
using AiEngineer.Core.Sponsors;
using AiEngineer.Core.Tickets;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>
/// Output caching for the public pages (/, /schedule, /speakers, /sponsors, /tickets, /cfp). Only anonymous GETs are
/// cached (signed-in visitors see their own menu), never a response that sets a cookie, never a request carrying a
/// TempData message. Entries are tagged by what they show; <see cref="EvictionInterceptor"/> evicts the tags whenever a
/// save touches that data, so organizer changes show at once. Each entry is also keyed by a time bucket of the app's
/// clock, so pages that depend on the time (open/closed calls, sale windows, "now and next") are never staler than it,
/// and by the visitor's language.
/// </summary>
public static class PublicPageCache
{
    /// <summary>Policy names, one per public page, for <c>[OutputCache(PolicyName = …)]</c>.</summary>
    public static class Policies
    {
        public const string Home = "public-home";
        public const string Schedule = "public-schedule";
        public const string Speakers = "public-speakers";
        public const string Sponsors = "public-sponsors";
        public const string Tickets = "public-tickets";
        public const string Cfp = "public-cfp";
        /// <summary>The privacy and code-of-conduct pages: the conference's own Markdown, sanitized.</summary>
        public const string ConferenceText = "public-conference-text";
    }

    /// <summary>What a cached page shows; a save touching that data evicts every page with the tag.</summary>
    public static class Tags
    {
        public const string Conference = "conference";
        public const string Program = "schedule";
        public const string Speakers = "speakers";
        public const string Sponsors = "sponsors";
        public const string Tickets = "tickets";
        public const string Cfp = "cfp";
        /// <summary>No page shows these; the tag empties the template cache.</summary>
        public const string EmailTemplates = "email-templates";
        /// <summary>No page has this tag; it reloads the checkout's ticket types (<see cref="AiEngineer.Web.Infrastructure.Tickets.TicketTypeStore"/>).
        /// Orders, which also carry <see cref="Tickets"/>, do not.</summary>
        public const string TicketTypes = "ticket-types";
        /// <summary>No page has this tag; it reloads the waiting room's settings (<see cref="AiEngineer.Web.Infrastructure.Tickets.WaitingRoomStore"/>).</summary>
        public const string WaitingRoom = "waiting-room";
    }

    /// <summary>
    /// Seats are taken by a conditional UPDATE, saved with the order in the same transaction: saving an order (placed,
    /// expired, cancelled) evicts /tickets, and a 10-second bucket bounds what a GET racing that transaction can cache.
    /// </summary>
    public static readonly TimeSpan TicketsBucket = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultBucket = TimeSpan.FromSeconds(60);

    /// <summary>Entity types whose saves change what the public pages show.</summary>
    private static readonly Dictionary<Type, string[]> TagOf = new()
    {
        [typeof(ConferenceEvent)] = [Tags.Conference],
        [typeof(Track)] = [Tags.Conference],
        [typeof(Room)] = [Tags.Conference],
        [typeof(ScheduleVersion)] = [Tags.Program],
        [typeof(SpeakerProfile)] = [Tags.Speakers],
        [typeof(SpeakerPhoto)] = [Tags.Speakers],
        [typeof(SponsorTier)] = [Tags.Sponsors],
        [typeof(Sponsorship)] = [Tags.Sponsors],
        [typeof(SponsorLogo)] = [Tags.Sponsors],
        [typeof(TicketType)] = [Tags.Tickets, Tags.TicketTypes],
        [typeof(Order)] = [Tags.Tickets],
        [typeof(CallForPapers)] = [Tags.Cfp],
        [typeof(SessionFormat)] = [Tags.Cfp, Tags.Conference], // the conference store carries the formats' names
        [typeof(Core.Email.EmailTemplate)] = [Tags.EmailTemplates],
        [typeof(WaitingRoom)] = [Tags.WaitingRoom],
    };

    /// <summary>
    /// The cookie TempData travels in. A cached page must not touch TempData without it: reading empty TempData makes the
    /// response delete the cookie, and a response that sets a cookie is never cached.
    /// </summary>
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public static WebApplicationBuilder AddPublicPageCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EvictionInterceptor>();
        builder.Services.AddSingleton<SiteChanges>();
        builder.Services.AddSingleton<SiteChangeFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SiteChangeFeed>());
        builder.Services.AddOutputCache(o =>
        {
            // The home page features speakers of the published program, with their photos, and the sponsor wall.
            o.AddPolicy(Policies.Home, b => Public(b, DefaultBucket).Tag(Tags.Conference, Tags.Program, Tags.Speakers, Tags.Sponsors));
            o.AddPolicy(Policies.Schedule, b => Public(b, DefaultBucket).Tag(Tags.Conference, Tags.Program));
            o.AddPolicy(Policies.Speakers, b => Public(b, DefaultBucket).Tag(Tags.Conference, Tags.Program, Tags.Speakers));
            o.AddPolicy(Policies.Sponsors, b => Public(b, DefaultBucket).Tag(Tags.Conference, Tags.Sponsors));
            // A voucher in the query shows that voucher's state: not worth a cache entry per code.
            o.AddPolicy(Policies.Tickets, b => Public(b, TicketsBucket).Tag(Tags.Conference, Tags.Tickets)
                .With(c => !c.HttpContext.Request.Query.ContainsKey("voucher")));
            o.AddPolicy(Policies.Cfp, b => Public(b, DefaultBucket).Tag(Tags.Conference, Tags.Cfp));
            o.AddPolicy(Policies.ConferenceText, b => Public(b, DefaultBucket).Tag(Tags.Conference));
        });
        return builder;
    }

    /// <summary>
    /// The built-in default policy (GET/HEAD, anonymous, 200 only, no Set-Cookie in the response, varied by query) plus:
    /// no TempData cookie in the request, and a key that changes every <paramref name="bucket"/> of the app's clock.
    /// </summary>
    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder b, TimeSpan bucket) => b
        .With(c => !c.HttpContext.Request.Cookies.ContainsKey(TempDataCookie))
        // One entry per language: a Chinese page is never served to an English visitor, or the other way round.
        .VaryByValue(_ => new("lang", System.Globalization.CultureInfo.CurrentUICulture.Name))
        .VaryByValue(http =>
        {
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            return new("t", (now.UtcTicks / bucket.Ticks).ToString(System.Globalization.CultureInfo.InvariantCulture));
        })
        .Expire(bucket);

    /// <summary>The tags a save evicts, from the entity types it adds, changes or deletes.</summary>
    public static IReadOnlySet<string> TagsTouchedBy(DbContextEventData save, DbContext db)
    {
        var tags = new HashSet<string>();
        foreach (var entry in Database.SavingScan.Entries(save, db))
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && TagOf.TryGetValue(entry.Metadata.ClrType, out var touched))
                tags.UnionWith(touched);
        return tags;
    }

    /// <summary>
    /// Evicts the public pages showing what a save changed, after it succeeded, on every instance (<see cref="SiteChanges"/>). One place rather than a call in every
    /// organizer handler, so a new handler cannot forget it; conditional UPDATEs (ticket seats, sponsor slots) bypass it,
    /// and the pages they affect rely on the time bucket (or on the tracked save that goes with them).
    /// </summary>
    public sealed class EvictionInterceptor(SiteChanges changes) : SaveChangesInterceptor
    {
        private readonly ConditionalWeakTable<DbContext, IReadOnlySet<string>> _pending = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Collect(eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Collect(eventData);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            EvictAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await EvictAsync(eventData.Context);
            return result;
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData)
        {
            if (eventData.Context is { } db) _pending.Remove(db);
        }

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            SaveChangesFailed(eventData);
            return Task.CompletedTask;
        }

        private void Collect(DbContextEventData save)
        {
            if (save.Context is not { } db) return;
            var tags = TagsTouchedBy(save, db);
            if (tags.Count > 0) _pending.AddOrUpdate(db, tags);
            else _pending.Remove(db);
        }

        private async ValueTask EvictAsync(DbContext? db)
        {
            if (db is null || !_pending.TryGetValue(db, out var tags)) return;
            _pending.Remove(db);
            await changes.SavedAsync(tags);
        }
    }
}
