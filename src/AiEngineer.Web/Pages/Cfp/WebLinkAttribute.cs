using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace AiEngineer.Web.Pages.Cfp;

/// <summary>Empty, or an absolute http(s) address: no javascript:, data: or relative links get stored.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebLinkAttribute : ValidationAttribute
{
    // ErrorMessage (not the base constructor's message) so that the validation localizer translates it.
    public WebLinkAttribute() => ErrorMessage = "{0} must be a full web address starting with https:// or http://.";

    public override bool IsValid(object? value) =>
        value is not string s || string.IsNullOrWhiteSpace(s)
        || (Uri.TryCreate(s.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host));

    /// <summary>
    /// The message in the visitor's language, from the form's feature resource: MVC translates the messages of the
    /// attributes it has adapters for, and a custom attribute has none, so this one does it itself.
    /// </summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (IsValid(value)) return ValidationResult.Success;
        var message = context.GetService(typeof(IStringLocalizerFactory)) is IStringLocalizerFactory factory
            ? Infrastructure.Localization.ValidationLocalization.For(context.ObjectType, factory)[ErrorMessage!, context.DisplayName].Value
            : FormatErrorMessage(context.DisplayName);
        return new ValidationResult(message, context.MemberName is { } member ? [member] : null);
    }
}
