namespace AiEngineer.Web.Pages.Orders;

/// <summary>The order pages' strings (<c>OrdersText.resx</c>, English keys; <c>OrdersText.zh-Hans.resx</c>). Views get it as <c>T</c>.</summary>
public sealed class OrdersText;
