using System.Buffers.Binary;
using System.Security.Cryptography;
using AiEngineer.Core.Data;
using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>What a browser's waiting-room cookie amounts to.</summary>
public enum PassState
{
    /// <summary>No cookie: not in line.</summary>
    None,
    /// <summary>A cookie that fails its signature, names no place, carries another place's secret, or comes from another browser.</summary>
    Forged,
    /// <summary>In line, not admitted yet.</summary>
    Waiting,
    /// <summary>Admitted, and the pass still runs.</summary>
    Valid,
    /// <summary>The pass (or the cookie itself) ran out before an order was placed.</summary>
    Expired,
    /// <summary>An order was placed with the pass.</summary>
    Used,
}

/// <summary>A browser's pass: its state and, unless none or forged, its place.</summary>
public sealed record PassCheck(PassState State, QueueEntry? Entry);

/// <summary>Where a waiting buyer stands: their place in line (1 = next), the estimated wait, and their pass once admitted.</summary>
public sealed record QueueStatus(int Position, TimeSpan EstimatedWait, bool Admitted, DateTime? PassExpiresAt);

/// <summary>
/// The waiting room's rules for one request: the place cookie (signed by Data Protection, bound to the browser by a hash
/// of its User-Agent, holding a secret whose SHA-256 the place row keeps), joining, admission in arrival order at the
/// room's pace, and the pass a checkout claims. Everything lives in the database, so every app instance on it shares
/// one line; admission is settled by a conditional UPDATE of the room's admission clock, so of two instances admitting
/// at once only one lets people in.
/// </summary>
public sealed class WaitingRoomGate(AppDbContext db, WaitingRoomStore store, IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "aie_queue";
    /// <summary>A place cookie older than this is refused: a line lasts hours, not days.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(12);
    private const int SecretLength = 16;
    private const int PayloadLength = 8 + 8 + SecretLength + 8;

    private readonly IDataProtector _protector = protection.CreateProtector("AiEngineer.WaitingRoom.Place.v1");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The room's settings, shared and a few seconds old at most (another instance's switch shows within seconds).</summary>
    public Task<WaitingRoom> RoomAsync(CancellationToken ct = default) => store.GetAsync(ct);

    /// <summary>Whether the room is on now, by the shared settings.</summary>
    public Task<bool> IsOnAsync(CancellationToken ct = default) => store.IsOnAsync(ct);

    /// <summary>Reads the browser's cookie and its place.</summary>
    public async Task<PassCheck> CheckAsync(HttpContext http, CancellationToken ct = default)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie)) return new(PassState.None, null);
        if (Read(cookie, http) is not { } token) return new(PassState.Forged, null);
        var entry = await db.QueueEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == token.EntryId, ct);
        if (entry is null || !CryptographicOperations.FixedTimeEquals(entry.SecretHash, SHA256.HashData(token.Secret))) return new(PassState.Forged, null);
        var now = Now;
        if (entry.UsedAt is not null) return new(PassState.Used, entry);
        if (token.IssuedAt + CookieLifetime <= now) return new(PassState.Expired, entry);
        if (entry.AdmittedAt is null) return new(PassState.Waiting, entry);
        return new(entry.PassExpiresAt > now ? PassState.Valid : PassState.Expired, entry);
    }

    /// <summary>A new place at the end of the line, its cookie set on the response.</summary>
    public async Task<QueueEntry> JoinAsync(HttpContext http, CancellationToken ct = default)
    {
        var now = Now;
        var secret = RandomNumberGenerator.GetBytes(SecretLength);
        var entry = new QueueEntry { SecretHash = SHA256.HashData(secret), JoinedAt = now, LastSeenAt = now };
        // One statement, no change tracking: under an on-sale this runs for every arrival, and EF's save (its change
        // tracker and the three save interceptors) cost more than the insert. Run as written (an INSERT cannot be
        // composed over), read on the client; both PostgreSQL and SQLite return the new id.
        await foreach (var id in db.Database.SqlQuery<long>($"""
            INSERT INTO "QueueEntries" ("SecretHash", "JoinedAt", "LastSeenAt") VALUES ({entry.SecretHash}, {now}, {now}) RETURNING "Id" AS "Value"
            """).AsAsyncEnumerable().WithCancellation(ct))
            entry.Id = id;
        http.Response.Cookies.Append(CookieName, Write(entry.Id, secret, now, http), new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Path = "/tickets", Expires = now + CookieLifetime,
            Secure = http.Request.IsHttps,
        });
        return entry;
    }

    /// <summary>
    /// The place's standing now (<paramref name="entry"/> as just read): marks it seen, admits whoever is due (at most one
    /// request per instance every <see cref="WaitingRoomStore.AdmissionInterval"/> does that; under a rush every status
    /// request would otherwise queue on the room's row), and counts who is ahead.
    /// </summary>
    public async Task<QueueStatus> StatusAsync(QueueEntry entry, CancellationToken ct = default)
    {
        var now = Now;
        if (now - entry.LastSeenAt >= TimeSpan.FromSeconds(2))
            await db.QueueEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastSeenAt, now), ct);
        var current = entry;
        if (entry.AdmittedAt is null && store.TakeAdmissionTurn(now))
        {
            await AdmitAsync(now, ct);
            current = await db.QueueEntries.AsNoTracking().FirstAsync(e => e.Id == entry.Id, ct);
        }
        if (current.AdmittedAt is not null) return new(0, TimeSpan.Zero, true, current.PassExpiresAt);
        var ahead = await db.QueueEntries.Waiting(now).CountAsync(e => e.Id < entry.Id, ct);
        var perPlace = (await RoomAsync(ct)).SecondsPerPlace;
        return new(ahead + 1, TimeSpan.FromSeconds(Math.Ceiling((ahead + 1) * perPlace)), false, null);
    }

    /// <summary>
    /// Admits the next waiting places that the time since the room's admission clock pays for, in arrival order, skipping
    /// places not seen for <see cref="WaitingRoom.Gone"/>. The room is read fresh: its admission clock decides.
    /// </summary>
    public async Task AdmitAsync(DateTime now, CancellationToken ct = default)
    {
        var room = await db.WaitingRooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == WaitingRoom.SingletonId, ct);
        if (room is null || !room.IsOnAt(now)) return;
        var (count, clock) = room.AdmissionsDue(now);
        if (count == 0) return;
        var next = await db.QueueEntries.Waiting(now).OrderBy(e => e.Id).Select(e => e.Id).Take(count).ToListAsync(ct);
        // Fewer waiting than the time pays for: the rest of that time is not banked.
        var newClock = next.Count < count ? now : clock;
        var passUntil = now.AddMinutes(room.PassMinutes);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var old = room.AdmitClock;
            var won = await db.WaitingRooms.Where(r => r.Id == WaitingRoom.SingletonId && r.AdmitClock == old)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AdmitClock, newClock), ct);
            if (won == 1 && next.Count > 0)
                await db.QueueEntries.Where(e => next.Contains(e.Id) && e.AdmittedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.AdmittedAt, now).SetProperty(e => e.PassExpiresAt, passUntil), ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>
    /// Takes the pass for the order with <paramref name="orderKey"/>: true when it was valid and unused, or already taken
    /// by the same order (the form posted again). A pass buys once.
    /// </summary>
    public async Task<bool> ClaimAsync(long entryId, Guid orderKey, CancellationToken ct = default)
    {
        var now = Now;
        var taken = await db.QueueEntries
            .Where(e => e.Id == entryId && (e.UsedForOrderKey == orderKey || (e.AdmittedAt != null && e.PassExpiresAt > now && e.UsedAt == null)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UsedAt, now).SetProperty(e => e.UsedForOrderKey, orderKey), ct);
        return taken == 1;
    }

    /// <summary>Gives the pass back when its order was not placed (sold out, a refused voucher): the buyer may try again while it runs.</summary>
    public Task ReleaseAsync(long entryId, Guid orderKey, CancellationToken ct = default) =>
        db.QueueEntries.Where(e => e.Id == entryId && e.UsedForOrderKey == orderKey)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UsedAt, (DateTime?)null).SetProperty(e => e.UsedForOrderKey, (Guid?)null), ct);

    /// <summary>
    /// Deletes places taken more than <see cref="CookieLifetime"/> and an hour ago: their cookies are refused and gone
    /// from the browser by then, and their passes long over. Run by <see cref="HoldExpiryWorker"/>; returns how many.
    /// </summary>
    public Task<int> SweepAsync(CancellationToken ct = default)
    {
        var before = Now - CookieLifetime - TimeSpan.FromHours(1);
        return db.QueueEntries.Where(e => e.JoinedAt < before).ExecuteDeleteAsync(ct);
    }

    private sealed record Token(long EntryId, DateTime IssuedAt, byte[] Secret);

    private static long BrowserHash(HttpContext http) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(http.Request.Headers.UserAgent.ToString())));

    private string Write(long entryId, byte[] secret, DateTime issuedAt, HttpContext http)
    {
        var payload = new byte[PayloadLength];
        BinaryPrimitives.WriteInt64LittleEndian(payload, entryId);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(8), issuedAt.Ticks);
        secret.CopyTo(payload.AsSpan(16));
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(16 + SecretLength), BrowserHash(http));
        return Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    private Token? Read(string cookie, HttpContext http)
    {
        try
        {
            var payload = _protector.Unprotect(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(cookie));
            if (payload.Length != PayloadLength) return null;
            if (BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(16 + SecretLength)) != BrowserHash(http)) return null;
            return new Token(BinaryPrimitives.ReadInt64LittleEndian(payload),
                new DateTime(BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(8)), DateTimeKind.Utc), payload.AsSpan(16, SecretLength).ToArray());
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// The room's settings for every request, through <see cref="SharedCache{T}"/> (an organizer's switch on another instance
/// shows here within seconds; a save here reloads at once). No row yet means off, with the defaults.
/// </summary>
public sealed class WaitingRoomStore
{
    private readonly SharedCache<WaitingRoom> _cache;

    private readonly TimeProvider _time;

    public WaitingRoomStore(IServiceScopeFactory scopes, TimeProvider time, ILogger<WaitingRoomStore> log)
    {
        _time = time;
        _cache = new(async ct =>
        {
            using var scope = scopes.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WaitingRooms.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == WaitingRoom.SingletonId, ct) ?? new WaitingRoom();
        }, log);
    }

    public Task<WaitingRoom> GetAsync(CancellationToken ct = default) => _cache.GetAsync(ct);

    /// <summary>Whether the room is on now, by the shared settings; needs no DbContext (see <see cref="WaitingRoomMiddleware"/>).</summary>
    public async Task<bool> IsOnAsync(CancellationToken ct = default) => (await GetAsync(ct)).IsOnAt(_time.GetUtcNow().UtcDateTime);

    /// <summary>How often, by the site's clock, one request of this instance admits whoever is due.</summary>
    public static readonly TimeSpan AdmissionInterval = TimeSpan.FromMilliseconds(100);
    private long _lastAdmission;

    /// <summary>True for one caller per <see cref="AdmissionInterval"/>: that request runs <see cref="WaitingRoomGate.AdmitAsync"/>.</summary>
    public bool TakeAdmissionTurn(DateTime now)
    {
        var last = Interlocked.Read(ref _lastAdmission);
        return now.Ticks - last >= AdmissionInterval.Ticks && Interlocked.CompareExchange(ref _lastAdmission, now.Ticks, last) == last;
    }

    public Task ReloadAsync(CancellationToken ct = default) => _cache.ReloadAsync(ct);
}

/// <summary>
/// In front of the output cache: while the room is on, /tickets and the checkout need a valid pass. A visit without one
/// goes to the line (/tickets/queue, keeping where it was going); a checkout POST without one is refused there, so nothing
/// sells around the line. A POST with a place whose pass has run out or been used goes on to the checkout, which claims
/// the pass (<see cref="WaitingRoomGate.ClaimAsync"/>) and refuses unless it is the same order posted again.
/// </summary>
public static class WaitingRoomMiddleware
{
    public const string QueuePath = "/tickets/queue";
    /// <summary>HttpContext.Items key: the place whose pass let the request through.</summary>
    public const string EntryItem = "aie.queue.entry";

    public static bool IsGated(PathString path) =>
        path.Equals("/tickets", StringComparison.OrdinalIgnoreCase) || path.Equals("/tickets/", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/tickets/checkout", StringComparison.OrdinalIgnoreCase);

    public static void UseWaitingRoom(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            if (!IsGated(ctx.Request.Path))
            {
                await next();
                return;
            }
            // The shared settings first: the gate itself would rent a DbContext, and this runs before the concurrency
            // gate, where a rush's checkouts wait their turn; each would hold a context all that time.
            if (!await ctx.RequestServices.GetRequiredService<WaitingRoomStore>().IsOnAsync(ctx.RequestAborted))
            {
                await next();
                return;
            }
            var gate = ctx.RequestServices.GetRequiredService<WaitingRoomGate>();
            var check = await gate.CheckAsync(ctx, ctx.RequestAborted);
            var isPost = HttpMethods.IsPost(ctx.Request.Method);
            if (check.State == PassState.Valid || (isPost && check.Entry is not null && check.State is PassState.Used or PassState.Expired))
            {
                ctx.Items[EntryItem] = check.Entry;
                // Not kept by the browser or a proxy: the next visit passes the gate again.
                ctx.Response.Headers.CacheControl = "no-store";
                await next();
                return;
            }
            var back = isPost ? "/tickets" : ctx.Request.Path + ctx.Request.QueryString;
            ctx.Response.StatusCode = isPost ? StatusCodes.Status303SeeOther : StatusCodes.Status302Found;
            ctx.Response.Headers.Location = $"{QueuePath}?returnUrl={Uri.EscapeDataString(back)}";
        });
    }
}

/// <summary>
/// Turns the waiting room on by itself: the concurrency gate reports how many requests wait for a turn, and when that
/// passes the room's <see cref="WaitingRoom.AutoQueueThreshold"/> the room goes on for <see cref="WaitingRoom.AutoHold"/>
/// (for every instance: it is written to the database), extended each time the queue passes it again. At most one write
/// every 30 s per instance, off the request's path.
/// </summary>
public sealed class WaitingRoomTrigger(IServiceScopeFactory scopes, WaitingRoomStore store, Site.SiteChangeFeed feed, TimeProvider time, ILogger<WaitingRoomTrigger> log)
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(30);
    private static readonly IReadOnlySet<string> RoomTag = new HashSet<string> { Site.PublicPageCache.Tags.WaitingRoom };
    private long _lastTicks;
    private int _running;

    /// <summary>Called by the concurrency gate with the number of requests waiting; cheap when under the threshold.</summary>
    public void Observe(int queued)
    {
        if (queued <= 0) return;
        // The shared copy if it is loaded (nearly always); the very first call only starts the load.
        var loading = store.GetAsync();
        if (!loading.IsCompletedSuccessfully) return;
        var room = loading.Result;
        if (room.AutoQueueThreshold <= 0 || queued < room.AutoQueueThreshold) return;
        var now = time.GetUtcNow().UtcDateTime;
        if (now.Ticks - Interlocked.Read(ref _lastTicks) < Pause.Ticks || Interlocked.Exchange(ref _running, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await TurnOnAsync(now, queued);
                Interlocked.Exchange(ref _lastTicks, now.Ticks);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "The waiting room could not turn itself on");
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        });
    }

    /// <summary>Puts the room on until <paramref name="now"/> + <see cref="WaitingRoom.AutoHold"/>; admission starts now unless it was on already.</summary>
    public async Task TurnOnAsync(DateTime now, int queued)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var until = now + WaitingRoom.AutoHold;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().WaitingRooms.Where(r => r.Id == WaitingRoom.SingletonId && r.AutoQueueThreshold > 0)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.AdmitClock, r => r.Enabled || r.AutoOnUntil > now ? r.AdmitClock : now)
                    .SetProperty(r => r.AutoOnUntil, until));
        }
        await store.ReloadAsync();
        feed.Send(RoomTag); // the other instances too, at once
        log.LogWarning("The waiting room is on by itself: {Queued} requests were waiting for a turn", queued);
    }
}
