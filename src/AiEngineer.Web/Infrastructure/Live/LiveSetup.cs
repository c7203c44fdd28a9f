using AiEngineer.Web.Infrastructure.Database;

namespace AiEngineer.Web.Infrastructure.Live;

public static class LiveSetup
{
    /// <summary>SignalR and the live bus: PostgreSQL LISTEN/NOTIFY across instances, in-process on SQLite.</summary>
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 4 * 1024; // browsers only join and leave topics
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddScoped<QuestionBoard>();
        var provider = (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider;
        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton<ILiveBus, PostgresLiveBus>();
            builder.Services.AddSingleton<PostgresLiveListener>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresLiveListener>());
        }
        else
        {
            builder.Services.AddSingleton<ILiveBus, LocalLiveBus>();
        }
        return builder;
    }

    public static void MapLive(WebApplication app) => app.MapHub<LiveHub>(LiveHub.Path);
}
