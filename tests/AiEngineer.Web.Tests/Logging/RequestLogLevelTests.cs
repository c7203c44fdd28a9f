using AiEngineer.Web.Infrastructure.Logging;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace AiEngineer.Web.Tests.Logging;

/// <summary>Which level a request's log line gets: the line of a page answered from the output cache is Debug.</summary>
public class RequestLogLevelTests
{
    private static LogEventLevel LevelOf(string path, int status, string? age = null, Exception? ex = null)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Path = path;
        ctx.Response.StatusCode = status;
        if (age is not null) ctx.Response.Headers.Age = age;
        return LoggingSetup.RequestLevel(ctx, ex);
    }

    [Fact]
    public void Errors_probes_cached_pages_and_the_rest_each_get_their_level()
    {
        Assert.Equal(LogEventLevel.Error, LevelOf("/schedule", 500, age: "3"));
        Assert.Equal(LogEventLevel.Error, LevelOf("/tickets", 200, ex: new InvalidOperationException()));
        Assert.Equal(LogEventLevel.Verbose, LevelOf("/healthz/ready", 200));
        Assert.Equal(LogEventLevel.Debug, LevelOf("/schedule", 200, age: "0"));
        Assert.Equal(LogEventLevel.Information, LevelOf("/schedule", 200));
        Assert.Equal(LogEventLevel.Information, LevelOf("/tickets/checkout", 302));
    }
}
