namespace AiEngineer.Web.Areas.Identity.Pages.Account;

/// <summary>The account pages' strings (signing in, registration, password reset, the account settings and two-factor
/// authentication) and Identity's own error messages (<c>AccountText.resx</c>, English keys; <c>AccountText.zh-Hans.resx</c>).
/// Views get it as <c>T</c>.</summary>
public sealed class AccountText;
