using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AiEngineer.Web.Tests.Infrastructure;

/// <summary>An authenticator app, as a person's phone runs it: reads the key the setup page shows and computes the current code.</summary>
public static partial class Totp
{
    /// <summary>The key on the authenticator setup page (groups of four in a &lt;kbd&gt;), without its spaces.</summary>
    public static string KeyOn(string setupPage)
    {
        var match = KeyRegex().Match(setupPage);
        if (!match.Success) throw new InvalidOperationException("The setup page shows no authenticator key.");
        return match.Groups[1].Value.Replace(" ", "");
    }

    /// <summary>RFC 6238 with Identity's defaults: HMAC-SHA1, 30-second steps, 6 digits, base32 key; Identity checks against the real clock.</summary>
    public static string Code(string base32, int stepOffset = 0)
    {
        var key = Base32(base32);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepOffset;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0; var value = 0; var output = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { output.Add((byte)(value >> (bits - 8))); bits -= 8; }
        }
        return [.. output];
    }

    [GeneratedRegex(@"<kbd>([a-z2-7 ]+)</kbd>")]
    private static partial Regex KeyRegex();
}
