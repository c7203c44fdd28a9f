namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>One app, one database and one SMTP server per test class.</summary>
public class SiteFixture : IAsyncLifetime
{
    public SiteFactory Site { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;

    protected virtual string Environment => "Testing";
    protected virtual void Configure(SiteFactory site) { }

    /// <summary>Runs after the app has started and migrated: data the class needs.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Smtp = new SmtpSink();
        Site = new SiteFactory(Database, Smtp, Environment);
        Configure(Site);
        _ = Site.Services; // build and start the host: migrations run now
        await SeedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}
