using MimeKit;

namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>Delivers one message. Throws <see cref="TransientMailException"/> when it may work later, <see cref="PermanentMailException"/> when it never will.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class TransientMailException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class PermanentMailException(string message, Exception? inner = null) : Exception(message, inner);
