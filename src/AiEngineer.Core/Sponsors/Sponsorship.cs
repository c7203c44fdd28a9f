using AiEngineer.Core.Content;
using AiEngineer.Core.Messages;

namespace AiEngineer.Core.Sponsors;

/// <summary>A level of sponsorship with a limited number of slots.</summary>
public class SponsorTier : Content.ITranslated
{
    public const int NameMaxLength = 60;
    public const int BenefitsMaxLength = 2000;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public long PriceMinor { get; set; }
    public string Currency { get; set; } = "usd";
    public int Slots { get; set; }
    /// <summary>Slots held by pending applications plus those sold. Only ever changed by one conditional UPDATE.</summary>
    public int Taken { get; set; }
    /// <summary>One benefit per line: booth, talk slot, logo placement…</summary>
    public string Benefits { get; set; } = "";
    public int IncludedTickets { get; set; }
    public int? IncludedTicketTypeId { get; set; }
    public int SortOrder { get; set; }
    public bool Open { get; set; } = true;
    /// <summary>This record's text in the other languages (<see cref="Content.Translations"/>).</summary>
    public Content.Translations Translations { get; set; } = new();
    /// <summary>In the visitor's language, English when untranslated.</summary>
    public string LocalName => this.Local(nameof(Name), Name);
    public string LocalBenefits => this.Local(nameof(Benefits), Benefits);

    public int Remaining => Math.Max(0, Slots - Taken);
    public IEnumerable<string> BenefitList => Benefits.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public IEnumerable<string> LocalBenefitList => LocalBenefits.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("A tier needs a name.");
        if (PriceMinor < 0) problems.Add("The price cannot be negative.");
        if (Slots < Taken) problems.Add($"{Taken} sponsorship(s) hold a slot in this tier (applied, approved or live), so it needs at least {Taken} slots.");
        if (IncludedTickets < 0) problems.Add("Included tickets cannot be negative.");
        if (IncludedTickets > 0 && IncludedTicketTypeId is null) problems.Add("Choose the ticket type of the included tickets.");
        return problems;
    }
}

public enum SponsorshipStatus
{
    /// <summary>Applied; a slot is held until an organizer decides (or the hold expires).</summary>
    Applied = 0,
    /// <summary>Approved; waiting for payment (the slot stays held until the payment deadline).</summary>
    Approved = 1,
    /// <summary>Paid and shown on the site.</summary>
    Live = 2,
    Rejected = 3,
    Expired = 4,
}

/// <summary>A company's sponsorship: applied → approved → paid (live), or rejected, or expired. Holds one slot while open.</summary>
public class Sponsorship
{
    public const int CompanyMaxLength = 120;
    public const int UrlMaxLength = 500;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;
    public const int AddressMaxLength = 1000;
    public const int VatIdMaxLength = 40;
    public const int DescriptionMaxLength = 2000;
    public const int MessageMaxLength = 2000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public int TierId { get; set; }
    public SponsorTier Tier { get; set; } = null!;
    public string ContactUserId { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string Website { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string BillingAddress { get; set; } = "";
    public string? VatId { get; set; }
    /// <summary>Markdown, rendered through the sanitizer.</summary>
    public string Description { get; set; } = "";
    public SponsorshipStatus Status { get; set; }
    public bool SlotHeld { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime HoldExpiresAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionMessage { get; set; }
    public DateTime? PaidAt { get; set; }
    public string? PaymentMethod { get; set; }
    /// <summary>What was received, in the tier's currency: the tier price can change later, the receipt must not.</summary>
    public long? PaidMinor { get; set; }
    /// <summary>The provider's id of the payment (Stripe's payment intent); null for an invoice.</summary>
    public string? PaymentReference { get; set; }
    public string? OrganizerNotes { get; set; }
    public Guid IdempotencyKey { get; set; }

    public int? LogoId { get; set; }
    public SponsorLogo? Logo { get; set; }
    /// <summary>A new logo waiting for an organizer's approval; the live one stays until then.</summary>
    public int? PendingLogoId { get; set; }

    /// <summary>The complimentary voucher for the tier's included tickets, created when the sponsorship goes live.</summary>
    public int? TicketVoucherId { get; set; }

    public List<SponsorshipEvent> Events { get; set; } = [];

    public void Log(string message, DateTime at, string? actor) => Events.Add(new SponsorshipEvent { Message = message, At = at, Actor = actor });

    public void Approve(string message, DateTime now, DateTime payBy, string actor)
    {
        if (Status != SponsorshipStatus.Applied) throw new RuleException($"Only an application can be approved; this one is {Status}.");
        Status = SponsorshipStatus.Approved;
        DecidedAt = now;
        DecisionMessage = message;
        HoldExpiresAt = payBy;
        Log("Approved", now, actor);
    }

    /// <summary>Rejected by an organizer. The caller returns the slot.</summary>
    public void Reject(string message, DateTime now, string actor)
    {
        if (Status is not (SponsorshipStatus.Applied or SponsorshipStatus.Approved)) throw new RuleException($"A {Status} sponsorship cannot be rejected.");
        Status = SponsorshipStatus.Rejected;
        SlotHeld = false;
        DecidedAt = now;
        DecisionMessage = message;
        Log("Rejected", now, actor);
    }

    public void MarkPaid(SponsorPayment payment, DateTime now, string actor)
    {
        if (Status != SponsorshipStatus.Approved) throw new RuleException($"Only an approved sponsorship can be paid; this one is {Status}.");
        Status = SponsorshipStatus.Live;
        PaidAt = now;
        PaymentMethod = payment.Method;
        PaidMinor = payment.AmountMinor ?? Tier.PriceMinor;
        PaymentReference = payment.Reference;
        Log($"Paid {Tickets.Money.Format(PaidMinor.Value, Tier.Currency)} ({payment.Method}{(payment.Reference is null ? "" : ", " + payment.Reference)}); now live on the site", now, actor);
    }

    /// <summary>Not decided or not paid in time. The caller returns the slot.</summary>
    public void Expire(DateTime now)
    {
        if (Status is not (SponsorshipStatus.Applied or SponsorshipStatus.Approved)) throw new RuleException($"A {Status} sponsorship cannot expire.");
        Status = SponsorshipStatus.Expired;
        SlotHeld = false;
        Log("The hold expired; the slot went back on offer", now, null);
    }
}

/// <summary>How a sponsorship was paid: "invoice" or "card", the amount if not the tier price, and the provider's reference.</summary>
public sealed record SponsorPayment(string Method, long? AmountMinor = null, string? Reference = null)
{
    public const string Invoice = "invoice";
    public const string Card = "card";
}

/// <summary>
/// One try at paying a sponsorship by card (a Stripe Checkout Session). Its key is Stripe's idempotency key, so a retry after
/// a timeout or a 500 reuses it and never creates a second session; the amount asked is kept for the webhook to check.
/// </summary>
public class SponsorshipPaymentAttempt : Tickets.ICheckoutAttempt
{
    public long Id { get; set; }
    public int SponsorshipId { get; set; }
    public Guid IdempotencyKey { get; set; }
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "usd";
    public string? SessionId { get; set; }
    public string? CheckoutUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SessionExpiresAt { get; set; }
    public string? LastError { get; set; }
}

public class SponsorLogo
{
    public int Id { get; set; }
    public byte[] Content { get; set; } = [];
    public string ContentType { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

public class SponsorshipEvent
{
    public long Id { get; set; }
    public int SponsorshipId { get; set; }
    public DateTime At { get; set; }
    public string Message { get; set; } = "";
    public string? Actor { get; set; }
}
