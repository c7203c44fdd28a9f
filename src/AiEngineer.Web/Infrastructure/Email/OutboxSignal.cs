using System.Runtime.CompilerServices;
using AiEngineer.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>Wakes the outbox worker when a message was just saved, so mail goes out in milliseconds rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>Notices outbox rows in a SaveChanges and wakes the worker once they are committed.</summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    // Per context: did the save under way add mail? Weak, so pooled and disposed contexts are not kept alive.
    private readonly ConditionalWeakTable<DbContext, StrongBox<bool>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Mark(eventData);
        return base.SavingChangesAsync(eventData, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Fire(eventData.Context);
        return base.SavedChangesAsync(eventData, result, ct);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Fire(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Mark(DbContextEventData save)
    {
        if (save.Context is not { } context) return;
        _pending.GetOrCreateValue(context).Value =
            Database.SavingScan.Entries(save, context).Any(e => e.Entity is OutboundEmail && e.State == EntityState.Added);
    }

    private void Fire(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var box) || !box.Value) return;
        box.Value = false;
        // In an explicit transaction the rows are not visible yet; the worker's next poll finds them.
        if (context.Database.CurrentTransaction is null) signal.Notify();
    }
}
