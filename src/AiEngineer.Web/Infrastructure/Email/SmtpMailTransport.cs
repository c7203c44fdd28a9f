using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>Sends over SMTP with MailKit, sorting failures into transient (retry) and permanent (keep as failed).</summary>
public sealed class SmtpMailTransport(IOptionsMonitor<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.CurrentValue.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None
                : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(smtp.Host ?? throw new TransientMailException("Email:Smtp:Host is not set."), smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.User))
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode != SmtpErrorCode.UnexpectedStatusCode)
        {
            // 5xx to a recipient or to the message: the server will never take it.
            throw new PermanentMailException($"SMTP {(int)ex.StatusCode}: {ex.Message}", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new TransientMailException("SMTP authentication failed: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException
                                       or ServiceNotConnectedException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new TransientMailException(ex.GetType().Name + ": " + ex.Message, ex);
        }
    }
}
