using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiEngineer.Core.Data;

/// <summary>Stores instants as UTC and reads them back with <see cref="DateTimeKind.Utc"/>, on either provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
