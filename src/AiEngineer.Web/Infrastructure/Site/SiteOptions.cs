namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>Bound to "Site".</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address people reach the site at; links in emails start with it.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    public string Link(string pathAndQuery) => PublicUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}
