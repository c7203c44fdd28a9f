using System.Security.Cryptography;
using System.Text;

namespace AiEngineer.Core.Agenda;

/// <summary>
/// The private calendar link of a person's agenda: /agenda/{token}.ics. Only the token's SHA-256 is stored, so the
/// database never holds a working link; a new link replaces the old one, which then finds nothing.
/// </summary>
public sealed class AgendaFeed
{
    /// <summary>Hex SHA-256: 64 characters.</summary>
    public const int HashLength = 64;

    public string UserId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    private AgendaFeed() { }

    /// <summary>A feed with a new token; the token is returned once and never stored.</summary>
    public static (AgendaFeed Feed, string Token) Create(string userId, DateTime now)
    {
        var feed = new AgendaFeed { UserId = userId };
        return (feed, feed.Renew(now));
    }

    /// <summary>Replaces the token: the old link stops working at once.</summary>
    public string Renew(DateTime now)
    {
        // 256 random bits, URL-safe: unguessable, and short enough for a calendar app's "subscribe by URL" box.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        TokenHash = Hash(token);
        CreatedAt = now;
        return token;
    }

    /// <summary>The stored form of a token. A lookup by hash reveals nothing about the token to timing.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
