using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiEngineer.Core.Accounts;

/// <summary>
/// One failed sign-in, by where it came from: the SHA-256 of the client's address (hex), never the address itself. Kept
/// in the database so every app instance counts the same failures; rows older than the window are deleted.
/// </summary>
public class SignInFailure
{
    public const int SourceLength = 64;

    public long Id { get; set; }
    public string Source { get; set; } = "";
    public DateTime At { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.Property(f => f.Source).HasMaxLength(SignInFailure.SourceLength).IsRequired();
        b.HasIndex(f => new { f.Source, f.At });
        b.HasIndex(f => f.At);
    }
}
