using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiEngineer.Core.Conference;
using AiEngineer.Core.Schedule;
using AiEngineer.Web.Infrastructure.Site;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Pages.Schedule;

/// <summary>
/// The published program for machines: /schedule.ics (every session, for calendar apps), /talks/{slug}.ics (one
/// session, the "add to calendar" link) and /schedule.json in the Frab/pretalx format conference apps read.
/// </summary>
public static class ScheduleFeeds
{
    public static void MapScheduleFeeds(this WebApplication app)
    {
        app.MapGet("/schedule.ics", async (ConferenceContext conferences, ProgramStore store, IOptionsMonitor<SiteOptions> site, CancellationToken ct) =>
        {
            var (c, program) = await LoadAsync(conferences, store, ct);
            if (c is null || program is null) return Results.NotFound();
            var ics = Calendar(c, program, program.Sessions.Where(s => s.IsSession), site.CurrentValue);
            return Results.Text(ics, "text/calendar; charset=utf-8");
        });
        app.MapGet("/talks/{slug}.ics", async (string slug, ConferenceContext conferences, ProgramStore store, IOptionsMonitor<SiteOptions> site, HttpContext http, CancellationToken ct) =>
        {
            var (c, program) = await LoadAsync(conferences, store, ct);
            if (c is null || program?.Session(slug) is not { } session) return Results.NotFound();
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{session.Slug}.ics\"";
            return Results.Text(Calendar(c, program, [session], site.CurrentValue), "text/calendar; charset=utf-8");
        });
        app.MapGet("/schedule.json", async (ConferenceContext conferences, ProgramStore store, IOptionsMonitor<SiteOptions> site, CancellationToken ct) =>
        {
            var (c, program) = await LoadAsync(conferences, store, ct);
            if (c is null || program is null) return Results.NotFound();
            return Results.Text(Frab(c, program, site.CurrentValue), "application/json; charset=utf-8");
        });
    }

    private static async Task<(ConferenceEvent?, PublishedProgram?)> LoadAsync(ConferenceContext conferences, ProgramStore store, CancellationToken ct)
    {
        var c = await conferences.GetAsync(ct);
        return c is null ? (null, null) : (c, await store.GetAsync(c, ct));
    }

    /// <summary>The same UID for a session in every version, so calendar apps update their copy instead of adding one.</summary>
    public static string Uid(PublishedSession s, SiteOptions site) => $"{s.Key}@{new Uri(site.PublicUrl).Host}";

    /// <param name="name">The calendar's name in the app (X-WR-CALNAME); the conference's by default.</param>
    public static string Calendar(ConferenceEvent c, PublishedProgram program, IEnumerable<PublishedSession> sessions, SiteOptions site, string? name = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//AI Engineer Summit//Schedule//EN" };
        calendar.AddProperty("X-WR-CALNAME", name ?? c.Name);
        calendar.AddProperty("X-WR-TIMEZONE", c.TimeZoneId);
        foreach (var s in sessions)
        {
            var speakers = string.Join(", ", s.SpeakerUserIds.Select(program.SpeakerById).Where(p => p is not null).Select(p => p!.Name));
            var url = s.Slug is null ? site.Link("/schedule") : site.Link($"/talks/{s.Slug}");
            var evt = new CalendarEvent
            {
                Uid = Uid(s, site),
                Sequence = s.Sequence,
                Summary = s.Title,
                Start = new CalDateTime(DateTime.SpecifyKind(s.StartsAt, DateTimeKind.Utc)),
                End = new CalDateTime(DateTime.SpecifyKind(s.EndsAt, DateTimeKind.Utc)),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(program.PublishedAt, DateTimeKind.Utc)),
                Location = $"{s.RoomName}, {c.VenueName}, {c.VenueAddress}",
                Description = (speakers.Length > 0 ? speakers + "\n\n" : "") + (s.Abstract.Length > 0 ? s.Abstract + "\n\n" : "") + url,
                Url = new Uri(url),
            };
            // RFC 5545's LANGUAGE parameter: the talk's language, on its title and description.
            if (s.Language is { } language)
                foreach (var property in new[] { "SUMMARY", "DESCRIPTION" })
                    evt.Properties[property]?.Parameters.Set("LANGUAGE", language);
            calendar.Events.Add(evt);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A name-based UUID, so a session's guid is the same in every export.</summary>
    public static Guid StableGuid(string key)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes("aiengineer-schedule:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The Frab schedule format (as pretalx exports it): conference, days, rooms by name, events with persons.</summary>
    public static string Frab(ConferenceEvent c, PublishedProgram program, SiteOptions site)
    {
        string Offset(DateTime utc)
        {
            var local = c.ToLocal(utc);
            var offset = c.TimeZone.GetUtcOffset(local);
            return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        var entries = program.Sessions.Where(s => s.IsSession || s.RoomId is not null).ToList();
        var days = Enumerable.Range(0, c.DayCount).Select(i => c.StartDate.AddDays(i)).Select((day, index) =>
        {
            var start = c.ToUtc(day, TimeOnly.MinValue);
            var end = c.ToUtc(day.AddDays(1), TimeOnly.MinValue).AddMinutes(-1);
            var rooms = c.Rooms.ToDictionary(r => r.Name, r => entries
                .Where(s => s.RoomId == r.Id && ProgramStore.DayOf(c, s.StartsAt) == day)
                .OrderBy(s => s.StartsAt)
                .Select(s => (object)new Dictionary<string, object?>
                {
                    ["guid"] = StableGuid(s.Key),
                    ["id"] = s.ProposalId ?? 0,
                    ["date"] = Offset(s.StartsAt),
                    ["start"] = c.ToLocal(s.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
                    ["duration"] = TimeSpan.FromMinutes(s.Minutes).ToString(@"hh\:mm", CultureInfo.InvariantCulture),
                    ["room"] = s.RoomName,
                    ["slug"] = s.Slug ?? s.Key,
                    ["url"] = s.Slug is null ? site.Link("/schedule") : site.Link($"/talks/{s.Slug}"),
                    ["title"] = s.Title,
                    ["subtitle"] = "",
                    ["track"] = s.Track,
                    ["type"] = s.IsSession ? (s.Kind == ScheduleItemKind.Keynote ? "Keynote" : s.Format ?? "Talk") : s.Kind.ToString(),
                    ["language"] = s.Language ?? Core.Cfp.Proposal.DefaultLanguage,
                    ["abstract"] = s.Abstract,
                    ["description"] = "",
                    ["recording_license"] = "",
                    ["do_not_record"] = false,
                    ["persons"] = s.SpeakerUserIds.Select(program.SpeakerById).Where(p => p is not null).Select(p => new Dictionary<string, object?>
                    {
                        ["guid"] = StableGuid("speaker-" + p!.UserId),
                        ["code"] = p.Slug,
                        ["public_name"] = p.Name,
                        ["url"] = site.Link($"/speakers/{p.Slug}"),
                    }).ToList(),
                    ["links"] = Array.Empty<object>(),
                    ["attachments"] = Array.Empty<object>(),
                }).ToList());
            return new Dictionary<string, object?>
            {
                ["index"] = index + 1,
                ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["day_start"] = Offset(start),
                ["day_end"] = Offset(end),
                ["rooms"] = rooms,
            };
        }).ToList();

        var doc = new Dictionary<string, object?>
        {
            ["$schema"] = "https://c3voc.de/schedule/schema.json",
            ["generator"] = new { name = "aiengineer", version = "1" },
            ["schedule"] = new Dictionary<string, object?>
            {
                ["url"] = site.Link("/schedule.json"),
                ["version"] = program.Version.ToString(CultureInfo.InvariantCulture),
                ["base_url"] = site.Link("/"),
                ["conference"] = new Dictionary<string, object?>
                {
                    ["acronym"] = "aie" + c.StartDate.Year,
                    ["title"] = c.Name,
                    ["start"] = c.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["end"] = c.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["daysCount"] = c.DayCount,
                    ["timeslot_duration"] = "00:05",
                    ["time_zone_name"] = c.TimeZoneId,
                    ["url"] = site.Link("/"),
                    ["rooms"] = c.Rooms.Select(r => new { name = r.Name, guid = StableGuid("room-" + r.Id), capacity = r.Capacity }).ToList(),
                    ["tracks"] = c.Tracks.Select(t => new { name = t.Name, slug = t.Slug }).ToList(),
                    ["days"] = days,
                },
            },
        };
        return JsonSerializer.Serialize(doc, Json);
    }
}
