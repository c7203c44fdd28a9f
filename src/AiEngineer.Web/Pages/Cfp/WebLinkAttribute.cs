using System.ComponentModel.DataAnnotations;

namespace AiEngineer.Web.Pages.Cfp;

/// <summary>Empty, or an absolute http(s) address: no javascript:, data: or relative links get stored.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebLinkAttribute : ValidationAttribute
{
    // As ErrorMessage (not the base constructor's default) so that the feature's resource translates it.
    public WebLinkAttribute() => ErrorMessage = "{0} must be a full web address starting with https:// or http://.";

    public override bool IsValid(object? value) =>
        value is not string s || string.IsNullOrWhiteSpace(s)
        || (Uri.TryCreate(s.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host));
}
