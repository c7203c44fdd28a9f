using Microsoft.Extensions.Options;
using MimeKit;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>
/// The embedded default: with no SMTP host, each message becomes an .eml file a developer can open. Written under a
/// temporary name and renamed when complete, so nothing that watches the directory ever reads half a message.
/// </summary>
public sealed class PickupDirectoryTransport(IOptionsMonitor<EmailOptions> options, IWebHostEnvironment env) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.CurrentValue.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N")}.eml";
            var path = Path.Combine(Directory, name);
            var partial = path + ".partial";
            await using (var file = File.Create(partial))
                await message.WriteToAsync(file, ct);
            File.Move(partial, path, overwrite: true);
        }
        catch (IOException ex)
        {
            throw new TransientMailException("Could not write to the pickup directory: " + ex.Message, ex);
        }
    }
}
