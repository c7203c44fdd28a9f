using Microsoft.Extensions.Options;
using MimeKit;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>The embedded default: with no SMTP host, each message becomes an .eml file a developer can open.</summary>
public sealed class PickupDirectoryTransport(IOptionsMonitor<EmailOptions> options, IWebHostEnvironment env) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.CurrentValue.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N")}.eml";
            await using var file = File.Create(Path.Combine(Directory, name));
            await message.WriteToAsync(file, ct);
        }
        catch (IOException ex)
        {
            throw new TransientMailException("Could not write to the pickup directory: " + ex.Message, ex);
        }
    }
}
