using AiEngineer.Core.Tickets;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>Frees the seats of pending orders whose hold has run out, every few seconds, in every instance (the work is idempotent).</summary>
public sealed class HoldExpiryWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<HoldExpiryWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Tickets:ExpirySweepSeconds", 15.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<TicketSales>().ExpireDueAsync(stoppingToken);
                if (expired > 0) log.LogInformation("Expired {Count} unpaid order(s)", expired);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Hold expiry pass failed");
            }
            try { await Task.Delay(interval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
