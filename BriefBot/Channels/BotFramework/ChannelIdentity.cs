namespace BriefBot.Channels.BotFramework;

/// <summary>What proved a request to <c>/api/messages</c>.</summary>
internal enum IdentityKind
{
    /// <summary>Authentication is off (no MicrosoftAppId): nothing was proven.</summary>
    Anonymous,

    /// <summary>A Bot Framework channel token: its <c>serviceurl</c> claim vouches for the activity's service URL.</summary>
    Channel,

    /// <summary>An Emulator (Entra) token: it proves the app, not the service URL, so that must be on this machine.</summary>
    Emulator,
}

/// <summary>
/// Who sent a request to <c>/api/messages</c>, as proven by its token: the claims that must still agree with the
/// activity in the body (the signing key's endorsements and the <c>serviceurl</c> claim).
/// </summary>
/// <param name="Kind">What kind of token proved the request.</param>
/// <param name="Endorsements">The channels the signing key is endorsed for (channel tokens only).</param>
/// <param name="ServiceUrl">The <c>serviceurl</c> claim (channel tokens only).</param>
internal sealed record ChannelIdentity(IdentityKind Kind, IReadOnlyList<string>? Endorsements, string? ServiceUrl)
{
    public static readonly ChannelIdentity Nobody = new(IdentityKind.Anonymous, null, null);

    public static readonly ChannelIdentity Emulator = new(IdentityKind.Emulator, null, null);

    public bool Anonymous => Kind == IdentityKind.Anonymous;

    /// <summary>Whether the activity's service URL may receive the bot's token: only a channel token vouches for one.</summary>
    public bool VouchesForServiceUrl => Kind == IdentityKind.Channel;

    /// <summary>Why the activity does not belong to this identity, or null when it does.</summary>
    public string? Mismatch(Activity activity) => Kind switch
    {
        IdentityKind.Channel when string.IsNullOrEmpty(activity.ChannelId) => "the activity has no channelId for the signing key's endorsements",
        IdentityKind.Channel when !Endorsements!.Contains(activity.ChannelId, StringComparer.Ordinal) =>
            "the signing key is not endorsed for the activity's channel",
        IdentityKind.Channel when !string.Equals(ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase) =>
            "the serviceurl claim does not match the activity's serviceUrl",
        IdentityKind.Emulator when activity.ServiceUrl is not null && !IsLoopback(activity.ServiceUrl) =>
            "an Emulator token vouches only for a service URL on this machine (loopback)",
        _ => null,
    };

    /// <summary>127.0.0.0/8, ::1 or localhost.</summary>
    public static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
