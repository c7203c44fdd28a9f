namespace AiEngineer.Web.Infrastructure.Email;

/// <summary>Bound to "Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "summit@example.com";
    public string FromName { get; set; } = "AI Engineer Summit";
    public SmtpSettings Smtp { get; set; } = new();
    /// <summary>Where messages are written as .eml files when no SMTP host is set. Relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";
    public OutboxSettings Outbox { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? User { get; set; }
        public string? Password { get; set; }
        /// <summary>true: TLS from the start on port 465, or STARTTLS when offered; false: plain SMTP (local catchers).</summary>
        public bool UseTls { get; set; } = true;
        public int TimeoutSeconds { get; set; } = 30;
    }

    public sealed class OutboxSettings
    {
        public bool Enabled { get; set; } = true;
        /// <summary>How often the worker looks for due messages when nothing woke it.</summary>
        public double PollSeconds { get; set; } = 5;
        public int BatchSize { get; set; } = 20;
        /// <summary>How long a claimed message stays with one worker before another may take it over.</summary>
        public int LeaseSeconds { get; set; } = 120;
        /// <summary>The send rate of a message to a segment: its rows fall due this many a minute, so mail to thousands
        /// leaves steadily (kind to the SMTP relay's limits) and confirmations queued meanwhile go out first.</summary>
        public int BroadcastPerMinute { get; set; } = 120;
    }
}
