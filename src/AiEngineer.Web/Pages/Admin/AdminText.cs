namespace AiEngineer.Web.Pages.Admin;

/// <summary>
/// The back office's strings (<c>AdminText.resx</c>, English keys; <c>AdminText.zh-Hans.resx</c>): the admin layout and
/// menu, the dashboard and the admin pages below it (orders, people, audit, exports, vouchers, email, review, schedule,
/// sponsors). Views get it as <c>T</c>; page models in <c>Pages.Admin.*</c> without a nearer <c>…Text</c> use it for validation.
/// </summary>
public sealed class AdminText;
