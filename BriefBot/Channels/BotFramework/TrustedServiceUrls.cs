using System.Collections.Concurrent;
using BriefBot.Storage;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// The service URLs the bot may send its Connector token to: those that arrived in requests whose token was
/// validated (the <c>serviceurl</c> claim vouches for them), and those stored with conversation references.
/// </summary>
internal sealed class TrustedServiceUrls(ConversationReferenceStore references)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, byte> _validated = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl)
    {
        if (_validated.Count < MaxRemembered)
        {
            _validated.TryAdd(Normalize(serviceUrl), 0);
        }
    }

    public async ValueTask<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken) =>
        _validated.ContainsKey(Normalize(serviceUrl)) || await references.KnowsServiceUrlAsync(serviceUrl, cancellationToken);

    private static string Normalize(string serviceUrl) => serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
}
