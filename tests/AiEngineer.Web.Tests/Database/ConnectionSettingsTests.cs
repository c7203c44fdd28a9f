using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AiEngineer.Web.Tests.Database;

/// <summary>The PostgreSQL connection settings the app adds (Database:*) unless the connection string names them.</summary>
public class ConnectionSettingsTests
{
    private static NpgsqlConnectionStringBuilder ConnectionOf(string connection)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Postgres");
            b.UseSetting("ConnectionStrings:Postgres", connection);
            b.UseSetting("Database:MigrateOnStartup", "false");
            b.UseSetting("Email:Outbox:Enabled", "false");
            b.UseSetting("Tickets:ExpirySweepEnabled", "false");
        });
        using var scope = factory.Services.CreateScope();
        return new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString());
    }

    [Fact]
    public void Pooled_connections_are_reused_without_a_reset_and_repeated_statements_are_prepared_by_default()
    {
        var settings = ConnectionOf("Host=127.0.0.1;Database=never_opened");
        Assert.True(settings.NoResetOnClose);
        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(30, settings.MaxPoolSize);
    }

    [Theory]
    [InlineData("No Reset On Close=false")]
    [InlineData("NoResetOnClose=false")]
    public void What_the_connection_string_says_wins(string setting)
    {
        var settings = ConnectionOf($"Host=127.0.0.1;Database=never_opened;{setting};Max Auto Prepare=5");
        Assert.False(settings.NoResetOnClose);
        Assert.Equal(5, settings.MaxAutoPrepare);
    }
}
