namespace BriefBot.Channels.BotFramework;

/// <summary>
/// Who sent a request to <c>/api/messages</c>, as proven by its token: the claims that must still agree with the
/// activity in the body (the signing key's endorsements and the <c>serviceurl</c> claim).
/// </summary>
/// <param name="Anonymous">Authentication is off (no MicrosoftAppId): nothing was proven.</param>
/// <param name="Endorsements">The channels the signing key is endorsed for; null when the token kind has none (Emulator).</param>
/// <param name="ServiceUrl">The <c>serviceurl</c> claim of a channel token; null for Emulator tokens.</param>
internal sealed record ChannelIdentity(bool Anonymous, IReadOnlyList<string>? Endorsements, string? ServiceUrl)
{
    public static readonly ChannelIdentity Nobody = new(true, null, null);

    /// <summary>Why the activity does not belong to this identity, or null when it does.</summary>
    public string? Mismatch(Activity activity)
    {
        if (Anonymous)
        {
            return null;
        }

        if (Endorsements is not null && !string.IsNullOrEmpty(activity.ChannelId)
            && !Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return "the signing key is not endorsed for the activity's channel";
        }

        if (ServiceUrl is not null && !string.Equals(ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the serviceurl claim does not match the activity's serviceUrl";
        }

        return null;
    }
}
