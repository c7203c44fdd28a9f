using System.Net;
using System.Text.RegularExpressions;
using AiEngineer.Core.Cfp;
using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiEngineer.Web.Tests.Cfp;

/// <summary>The demo conference and a call open around the fake clock's now, and helpers to write proposals through the real form.</summary>
public static partial class CfpTestData
{
    public sealed record Call(int ConferenceId, int TalkId, int WorkshopId, int LightningId, int TrackId, DateTime ClosesAt);

    /// <summary>Creates the conference and call once per site; <paramref name="closesIn"/> sets how long the call stays open.</summary>
    public static async Task<Call> EnsureCallAsync(this SiteFactory site, TimeSpan? closesIn = null)
    {
        return await site.WithDbAsync(async db =>
        {
            var conference = await db.Conferences.Include(c => c.Tracks).FirstOrDefaultAsync();
            if (conference is null)
            {
                conference = DemoSeeder.BuildConference(site.Time.GetUtcNow().UtcDateTime);
                db.Conferences.Add(conference);
                await db.SaveChangesAsync();
            }
            var call = await db.CallsForPapers.Include(c => c.Formats).FirstOrDefaultAsync();
            if (call is null)
            {
                var now = site.Time.GetUtcNow().UtcDateTime;
                call = DemoSeeder.BuildCallForPapers(conference.Id, now);
                if (closesIn is { } c) call.ClosesAt = now + c;
                db.CallsForPapers.Add(call);
                await db.SaveChangesAsync();
            }
            int F(string name) => call.Formats.First(f => f.Name == name).Id;
            return new Call(conference.Id, F("Talk"), F("Workshop"), F("Lightning"), conference.Tracks.OrderBy(t => t.SortOrder).First().Id, call.ClosesAt);
        });
    }

    public static Dictionary<string, string> Form(int formatId, int trackId, string title = "Evals that catch regressions", string intent = "draft", string? abstractText = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.FormatId"] = formatId.ToString(),
        ["Input.TrackId"] = trackId.ToString(),
        ["Input.Level"] = nameof(ProposalLevel.Intermediate),
        ["Input.Abstract"] = abstractText ?? "We run **evals** on every pull request.",
        ["Input.Description"] = "Outline for reviewers.",
        ["Input.Notes"] = "",
        ["Input.SlidesUrl"] = "",
        ["Input.VideoUrl"] = "",
        ["intent"] = intent,
    };

    /// <summary>Opens the new-proposal form, fills it and posts it; returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostNewProposalAsync(this HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/my/submissions/edit");
        return await client.PostAsync("/my/submissions/edit", FormWith(page, fields));
    }

    /// <summary>The form body a browser would send from <paramref name="page"/>: its antiforgery token and idempotency key, plus the fields.</summary>
    public static FormUrlEncodedContent FormWith(string page, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryToken(page),
            ["Input.IdempotencyKey"] = IdempotencyKeyRegex().Match(page).Groups[1].Value,
        };
        return new FormUrlEncodedContent(body);
    }

    public static async Task<int> CreateProposalAsync(this HttpClient client, Call call, string title = "Evals that catch regressions", string intent = "draft", int? formatId = null)
    {
        var response = await client.PostNewProposalAsync(Form(formatId ?? call.TalkId, call.TrackId, title, intent));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Creating a proposal answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(IdRegex().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKeyRegex();

    [GeneratedRegex("/my/submissions/(?:edit/)?(\\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex IdRegex();
}
