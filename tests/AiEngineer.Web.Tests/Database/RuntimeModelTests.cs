using AiEngineer.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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
        using var factory = App(provider, connection);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(provider == "Postgres", db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the run-time model differs from the migrations");
    }

    /// <summary>
    /// The app runs on a compiled model (CompiledModel/ in each migrations project). It must be the model OnModelCreating
    /// builds now: tables and columns, and what EF does with each property in between.
    /// </summary>
    [Theory]
    [InlineData("Postgres", "Host=127.0.0.1;Database=never_opened")]
    [InlineData("Sqlite", "Data Source=never-opened.db")]
    public void The_compiled_model_is_the_model_the_code_builds_now(string provider, string connection)
    {
        using var factory = App(provider, connection);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;
        Assert.Equal($"AiEngineer.Migrations.{provider}.CompiledModel.AppDbContextModel", compiled.GetType().FullName);

        const string regenerate = "run scripts/add-migration.sh, or scripts/compile-models.sh for a change without a migration";
        Same(Tables(built), Tables(compiled), $"{provider}: the compiled model's tables differ from the code's; {regenerate}");
        Same(Shape(built), Shape(compiled), $"{provider}: the compiled model's mapping differs from the code's; {regenerate}");
        Assert.NotEmpty(Tables(compiled));
    }

    private static void Same(List<string> code, List<string> compiled, string message) =>
        Assert.True(code.SequenceEqual(compiled), $"{message}\nin the code only: {string.Join("; ", code.Except(compiled))}" +
            $"\nin the compiled model only: {string.Join("; ", compiled.Except(code))}");

    private static List<string> Tables(IModel model) => model.GetRelationalModel().Tables.SelectMany(t =>
            t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType}{(c.IsNullable ? " null" : "")}")
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")} {i.Filter}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))
            .Concat(t.UniqueConstraints.Select(u => $"{t.Name} key {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})")))
        .Order(StringComparer.Ordinal).ToList();

    private static List<string> Shape(IModel model) => model.GetEntityTypes().SelectMany(e =>
            e.GetProperties().Select(p => $"{e.Name}.{p.Name}: {p.ClrType.Name}{(p.IsNullable ? "?" : "")} max {p.GetMaxLength()} " +
                $"converter {p.GetValueConverter()?.GetType().Name} stored as {p.GetProviderClrType()?.Name} concurrency {p.IsConcurrencyToken} generated {p.ValueGenerated}")
            .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name} {(n.IsCollection ? "many" : "one")}"))
            .Concat(e.GetForeignKeys().Select(f => $"{e.Name} fk {string.Join(",", f.Properties.Select(p => p.Name))} {f.DeleteBehavior}"))
            .Concat(e.GetIndexes().Select(i => $"{e.Name} index {string.Join(",", i.Properties.Select(p => p.Name))} unique {i.IsUnique}")))
        .Order(StringComparer.Ordinal).ToList();

    private static WebApplicationFactory<Program> App(string provider, string connection) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", provider);
            b.UseSetting($"ConnectionStrings:{provider}", connection);
            b.UseSetting("Database:MigrateOnStartup", "false");
            b.UseSetting("Email:Outbox:Enabled", "false");
        });
}
