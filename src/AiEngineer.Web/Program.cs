using AiEngineer.Web.Infrastructure.Database;
using AiEngineer.Web.Infrastructure.Email;
using AiEngineer.Web.Infrastructure.Live;
using AiEngineer.Web.Infrastructure.Localization;
using AiEngineer.Web.Infrastructure.Logging;
using AiEngineer.Web.Infrastructure.Security;
using AiEngineer.Web.Infrastructure.Site;
using AiEngineer.Web.Infrastructure.Sponsors;
using AiEngineer.Web.Infrastructure.Tickets;

var builder = WebApplication.CreateBuilder(args);

builder.AddLogging();
builder.AddSite();
builder.AddScaleOut();
builder.AddProxy();
builder.AddSiteLocalization();
builder.AddDatabase();
builder.AddAccounts();
builder.AddSecurityHeaders();
builder.AddRequestLimits();
builder.AddRateLimits();
builder.AddConcurrencyGate();
builder.AddEmail();
builder.AddTicketing();
builder.AddSponsors();
builder.AddLive();

var app = builder.Build();

await app.PrepareDatabaseAsync(args);

if (args.FirstOrDefault() == CreateOrganizerCommand.Name)
    return await CreateOrganizerCommand.RunAsync(app.Services, args, Console.In, Console.Out);
if (args.FirstOrDefault() is MigrateCommand.Name or MigrateCommand.SeedDemoName)
    return await MigrateCommand.ReportAsync(app.Services, Console.Out);
if (args.FirstOrDefault() == SeedBenchCommand.Name)
    return await SeedBenchCommand.RunAsync(app.Services, Console.Out);

app.UseSite();
await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
