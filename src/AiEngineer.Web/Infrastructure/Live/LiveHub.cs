using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;

namespace AiEngineer.Web.Infrastructure.Live;

/// <summary>
/// Browsers connect at <c>/hubs/live</c> and join the topics of the page they show. The hub only delivers: nothing is
/// posted through it (questions and votes are ordinary, antiforgery-protected requests), and a topic carries only what
/// its page already shows to anyone allowed to open it.
/// </summary>
public sealed partial class LiveHub : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>Joins a topic such as <c>qa:42</c>; an unknown shape is refused (false) and joins nothing.</summary>
    public async Task<bool> Join(string topic)
    {
        if (!IsTopic(topic)) return false;
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        return true;
    }

    public Task Leave(string topic) =>
        IsTopic(topic) ? Groups.RemoveFromGroupAsync(Context.ConnectionId, topic) : Task.CompletedTask;

    public static bool IsTopic(string? topic) => topic is { Length: <= 64 } && TopicShape().IsMatch(topic);

    [GeneratedRegex("^[a-z]+:[0-9]{1,10}$")]
    private static partial Regex TopicShape();
}
