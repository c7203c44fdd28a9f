using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Audit;

/// <summary>
/// One change an organizer or reviewer made: who, when, what (entity and id), and the changed fields' values before
/// and after. Written in the same save as the change; never edited or deleted (the interceptor refuses it).
/// </summary>
public class AuditEntry
{
    public const int PathMaxLength = 200;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The person's email at the time, so the log still reads after an account changes or goes.</summary>
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>JSON: field name → [before, after]; null where a value did not exist.</summary>
    public string Changes { get; set; } = "{}";
    /// <summary>The page and handler that made the change, without the query string.</summary>
    public string Path { get; set; } = "";
}

public enum AuditAction { Added, Modified, Deleted }

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        b.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Changes).IsRequired();
        b.Property(a => a.Path).HasMaxLength(AuditEntry.PathMaxLength).IsRequired();
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.UserId, a.At });
        b.HasIndex(a => new { a.EntityType, a.At });
    }
}
