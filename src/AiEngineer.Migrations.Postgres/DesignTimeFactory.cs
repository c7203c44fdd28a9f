using AiEngineer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AiEngineer.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the context for PostgreSQL without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? "Host=127.0.0.1;Database=aiengineer;Username=aiengineer;Password=aiengineer";
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connection, x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new AppDbContext(options);
    }
}
