using AiEngineer.Core.Tickets;

namespace AiEngineer.Web.Infrastructure.Tickets;

/// <summary>Frees the seats of pending orders whose hold has run out and offers freed seats to the waitlist, releases lapsed sponsor holds and deletes old waiting-room places and sign-in failures, every few seconds, in every instance (the work is idempotent).</summary>
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
                var sales = scope.ServiceProvider.GetRequiredService<TicketSales>();
                var expired = await sales.ExpireDueAsync(stoppingToken);
                if (expired > 0) log.LogInformation("Expired {Count} unpaid order(s)", expired);
                // Seats a crashed checkout took without saving its order (PostgreSQL's two-step checkout) come back.
                var returned = await sales.ReconcileSeatsAsync(stoppingToken);
                if (returned > 0) log.LogWarning("Returned {Count} seat(s) that an interrupted checkout took without saving its order", returned);
                // Seats freed by expiry, cancellation or refund go to the waitlist first.
                var offers = await sales.OfferWaitlistAsync(stoppingToken);
                if (offers > 0) log.LogInformation("Offered {Count} seat(s) to the waitlist", offers);
                var lapsed = await scope.ServiceProvider.GetRequiredService<Core.Sponsors.SponsorSales>().ExpireDueAsync(stoppingToken);
                if (lapsed > 0) log.LogInformation("Released {Count} sponsor slot(s) whose hold expired", lapsed);
                var swept = await scope.ServiceProvider.GetRequiredService<WaitingRoomGate>().SweepAsync(stoppingToken);
                if (swept > 0) log.LogInformation("Deleted {Count} waiting-room place(s) older than their cookies", swept);
                await scope.ServiceProvider.GetRequiredService<Security.SignInThrottle>().SweepAsync(stoppingToken);
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
