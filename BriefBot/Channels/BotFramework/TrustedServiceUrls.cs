using System.Collections.Concurrent;
using BriefBot.Storage;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Where the bot's replies may go, and which of those may see its Connector token: the service URLs a channel token
/// vouched for (its <c>serviceurl</c> claim) in this process, and those stored with conversation references from
/// such requests, get the token. A reply without the token goes only to a loopback service URL (the Emulator, local
/// development) or to an in-process one (the playground). Everything else is refused.
/// </summary>
internal sealed class TrustedServiceUrls(ConversationReferenceStore references)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, byte> _validated = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _inProcess = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A channel token vouched for this service URL.</summary>
    public void Trust(string serviceUrl)
    {
        if (_validated.Count < MaxRemembered)
        {
            _validated.TryAdd(Normalize(serviceUrl), 0);
        }
    }

    /// <summary>A service URL whose HTTP client never leaves the process; replies go there without the token.</summary>
    public void AllowInProcess(string serviceUrl) => _inProcess.TryAdd(Normalize(serviceUrl), 0);

    /// <summary>Whether a channel token vouched for this service URL since the process started.</summary>
    public bool IsVouched(string serviceUrl) => _validated.ContainsKey(Normalize(serviceUrl));

    /// <summary>Whether the bot's token may be sent to this service URL.</summary>
    public async ValueTask<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken) =>
        IsVouched(serviceUrl) || await references.KnowsServiceUrlAsync(serviceUrl, cancellationToken);

    /// <summary>Whether a reply without the bot's token may go to this service URL.</summary>
    public bool TakesUnauthenticatedReplies(string serviceUrl) =>
        ChannelIdentity.IsLoopback(serviceUrl) || _inProcess.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
}
