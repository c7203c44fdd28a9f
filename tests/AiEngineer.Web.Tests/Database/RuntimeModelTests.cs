using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiEngineer.Web.Tests.Database;

/// <summary>
/// The model the running app builds (with Identity's options applied through DI) must match the migrations,
/// not only the design-time model: otherwise startup migration refuses to run on that provider.
/// </summary>
public class RuntimeModelTests
{
    [Theory]
    [InlineData("Postgres", "Host=127.0.0.1;Database=never_opened")]
    [InlineData("Sqlite", "Data Source=never-opened.db")]
    public void The_apps_own_model_has_no_changes_without_a_migration(string provider, string connection)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", provider);
            b.UseSetting($"ConnectionStrings:{provider}", connection);
            b.UseSetting("Database:MigrateOnStartup", "false");
            b.UseSetting("Email:Outbox:Enabled", "false");
        });
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(provider == "Postgres", db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the run-time model differs from the migrations");
    }
}
