namespace AiEngineer.Web.Pages.Admin.Vouchers;

/// <summary>The voucher page's strings (<c>AdminVouchersText.resx</c>, English keys; <c>AdminVouchersText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class AdminVouchersText;
