using System.Text.Json;
using AiEngineer.Core.Data;
using AiEngineer.Web.Infrastructure.Database;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace AiEngineer.Web.Infrastructure.Live;

/// <summary>
/// Live updates to browsers (questions and votes of a talk's Q&amp;A, and whatever else changes while people watch): a
/// message on a topic reaches every browser that joined the topic on <see cref="LiveHub"/>, on every app instance.
/// On PostgreSQL the message goes through <c>NOTIFY</c>, and each instance's <see cref="PostgresLiveListener"/> hands
/// what it hears to its own SignalR connections; on SQLite (one instance) it goes to the local connections directly.
/// </summary>
public interface ILiveBus
{
    /// <summary>Sends <paramref name="data"/> (serialized as JSON, at most <see cref="MaxPayloadBytes"/>) to the topic's browsers.</summary>
    Task PublishAsync(string topic, object data, CancellationToken ct = default);
}

public static class LiveMessages
{
    /// <summary>The method browsers listen to: <c>connection.on("live", (topic, data) => …)</c>.</summary>
    public const string Method = "live";

    /// <summary>PostgreSQL's NOTIFY payload limit is 8000 bytes; the envelope takes a little of it.</summary>
    public const int MaxPayloadBytes = 7000;

    internal static string Envelope(string topic, object data)
    {
        var json = JsonSerializer.Serialize(new Envelope(topic, JsonSerializer.SerializeToElement(data, Json)), Json);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxPayloadBytes)
            throw new ArgumentException($"A live message can be at most {MaxPayloadBytes} bytes; send an id and let browsers fetch the rest.", nameof(data));
        return json;
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static Task DeliverAsync(IHubContext<LiveHub> hub, string envelope, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize<Envelope>(envelope, Json);
        return message is null || !LiveHub.IsTopic(message.Topic) ? Task.CompletedTask
            : hub.Clients.Group(message.Topic).SendAsync(Method, message.Topic, message.Data, ct);
    }
}

internal sealed record Envelope(string Topic, JsonElement Data);

/// <summary>One instance (SQLite): straight to this instance's connections.</summary>
public sealed class LocalLiveBus(IHubContext<LiveHub> hub) : ILiveBus
{
    public Task PublishAsync(string topic, object data, CancellationToken ct = default) =>
        LiveMessages.DeliverAsync(hub, LiveMessages.Envelope(topic, data), ct);
}

/// <summary>Several instances on one PostgreSQL: <c>pg_notify</c> on a pooled connection, heard by every instance's listener.</summary>
public sealed class PostgresLiveBus(DatabaseConnection database) : ILiveBus
{
    public const string Channel = "aie_live";

    public async Task PublishAsync(string topic, object data, CancellationToken ct = default)
    {
        var envelope = LiveMessages.Envelope(topic, data);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", envelope);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// Keeps one connection per instance in <c>LISTEN aie_live</c> and forwards each notification to the local SignalR
/// groups; on the same connection, <c>LISTEN aie_changes</c> hears what other instances saved (<see cref="Site.SiteChanges"/>). A lost connection is opened again (with a growing pause, at most 10 s); what was sent while it was down is
/// not replayed, so pages that show live data also load it whole on every (re)connect.
/// </summary>
public sealed class PostgresLiveListener(DatabaseConnection database, IHubContext<LiveHub> hub, Site.SiteChanges changes,
    Site.SiteChangeFeed feed, ILogger<PostgresLiveListener> log) : BackgroundService
{
    /// <summary>Set once the first LISTEN is in place (tests wait for it).</summary>
    public Task Listening => _listening.Task;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { KeepAlive = 30, Pooling = false };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == PostgresLiveBus.Channel)
                        _ = LiveMessages.DeliverAsync(hub, e.Payload, CancellationToken.None).ContinueWith(
                            t => log.LogWarning(t.Exception, "A live message could not be delivered"), TaskContinuationOptions.OnlyOnFaulted);
                    else if (e.Channel == Site.SiteChangeFeed.Channel && feed.Read(e.Payload) is { } tags)
                        _ = changes.HeardAsync(tags).ContinueWith(
                            t => log.LogWarning(t.Exception, "Another instance's change could not be applied"), TaskContinuationOptions.OnlyOnFaulted);
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLiveBus.Channel}; LISTEN {Site.SiteChangeFeed.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening.TrySetResult();
                pause = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "The live listener lost its database connection; retrying in {Pause}", pause);
                try { await Task.Delay(pause, stoppingToken); } catch (OperationCanceledException) { return; }
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 10_000));
            }
        }
    }
}
