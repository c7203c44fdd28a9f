using AiEngineer.Core.Tickets;
using AiEngineer.Web.Infrastructure.Site;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>
/// The ticketing options in force: the "Tickets" configuration section, with what organizers set under Admin › Settings
/// (reservation minutes, refund policy) on top. Registered as the <see cref="IOptionsMonitor{TOptions}"/> of
/// <see cref="TicketingOptions"/>, so the selling workflow reads a change on its next order, without a restart.
/// </summary>
public sealed class TicketingSettings(IOptionsFactory<TicketingOptions> factory, ConferenceStore conferences) : IOptionsMonitor<TicketingOptions>
{
    private readonly Lazy<TicketingOptions> _configured = new(() => factory.Create(Options.DefaultName));
    private (object? Conference, TicketingOptions Options) _last;

    public TicketingOptions CurrentValue
    {
        get
        {
            var conference = conferences.Get();
            var last = _last;
            if (last.Options is not null && ReferenceEquals(last.Conference, conference)) return last.Options;
            var configured = _configured.Value;
            var current = conference is null || (conference.ReservationMinutes is null && conference.RefundPolicy is null)
                ? configured
                : new TicketingOptions
                {
                    ReservationMinutes = conference.ReservationMinutes ?? configured.ReservationMinutes,
                    RefundPolicy = conference.RefundPolicy ?? configured.RefundPolicy,
                    InvoiceEnabled = configured.InvoiceEnabled,
                    InvoiceDueDays = configured.InvoiceDueDays,
                    ChangeCutoffDaysBeforeEvent = configured.ChangeCutoffDaysBeforeEvent,
                    BankDetails = configured.BankDetails,
                };
            _last = (conference, current);
            return current;
        }
    }

    /// <summary>The configuration alone, without organizers' settings: the defaults the settings page offers.</summary>
    public TicketingOptions Configured => _configured.Value;

    public TicketingOptions Get(string? name) => CurrentValue;

    /// <summary>Readers take <see cref="CurrentValue"/> each time; nothing here pushes changes.</summary>
    public IDisposable? OnChange(Action<TicketingOptions, string?> listener) => null;
}
