using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Pages.Shared;

/// <summary>
/// What the states and kinds of the domain are called on a page (<c>StatusText.resx</c>, <c>StatusText.zh-Hans.resx</c>):
/// an order's status, a proposal's state, a sponsorship's, an email's. Views get it as <c>L</c> (<c>_ViewImports</c>) and
/// write <c>@L.Label(order.Status)</c>, never the enum's own name.
/// </summary>
public sealed partial class StatusText
{
    /// <summary>The enums a person sees the values of; <c>StatusTextTests</c> checks every value has both languages.</summary>
    public static readonly Type[] Enums =
    [
        typeof(Core.Cfp.ProposalState), typeof(Core.Cfp.ProposalLevel), typeof(Core.Review.DecisionKind),
        typeof(Core.Tickets.OrderStatus), typeof(Core.Tickets.PaymentMethod), typeof(Core.Tickets.TicketKind),
        typeof(Core.Tickets.VoucherKind), typeof(Core.Sponsors.SponsorshipStatus), typeof(Core.Email.OutboundEmailStatus),
        typeof(Core.Email.Segment), typeof(Core.Schedule.ScheduleItemKind),
    ];

    /// <summary>The English label, which is the resource key: the value's name in words ("RefundDue" is "Refund due").</summary>
    public static string English(Enum value) => value switch
    {
        Core.Tickets.OrderStatus.Pending => "Awaiting payment",
        Core.Tickets.TicketKind.AddOn => "Add-on",
        Core.Email.Segment.InPersonAttendees => "In-person attendees",
        _ => Words(value.ToString()),
    };

    private static string Words(string name)
    {
        var words = CamelHumps().Replace(name, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHumps();
}

public static class StatusLabels
{
    /// <summary>A state or kind in the visitor's language.</summary>
    public static string Label(this IStringLocalizer<StatusText> localizer, Enum value) => localizer[StatusText.English(value)];

    /// <summary>A value stored by name (a published snapshot keeps "Intermediate"), or the name itself when it is no value.</summary>
    public static string Label<TEnum>(this IStringLocalizer<StatusText> localizer, string name) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(name, out var value) ? localizer.Label(value) : name;
}
