namespace BriefBot.Tests.Fakes;

/// <summary>Which of the fake Connector's keys signs a token.</summary>
public enum SigningKey
{
    /// <summary>Published in the JWKS and endorsed for msteams, webchat, emulator and directline.</summary>
    Endorsed,

    /// <summary>Published, but endorsed only for another channel ("slack").</summary>
    OtherChannel,

    /// <summary>Published with no endorsements at all.</summary>
    NoEndorsements,

    /// <summary>Not in the JWKS until <see cref="FakeBotConnector.PublishLateKey"/> is called.</summary>
    Late,

    /// <summary>A key nobody publishes, presented under the endorsed key's id (a forged signature).</summary>
    Impostor,
}

/// <summary>
/// The claims and signature of a channel token. The defaults make a token the Bot Framework would send; tests
/// change one thing at a time to forge a broken one.
/// </summary>
public sealed record ChannelTokenSpec
{
    public string Issuer { get; init; } = FakeBotConnector.ChannelIssuer;

    /// <summary>The audience; null means the bot's app id.</summary>
    public string? Audience { get; init; }

    /// <summary>The serviceurl claim; null means the fake's service URL; "" leaves the claim out.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Offsets from now.</summary>
    public TimeSpan NotBefore { get; init; } = TimeSpan.FromMinutes(-1);

    public TimeSpan Expires { get; init; } = TimeSpan.FromMinutes(59);

    public SigningKey Key { get; init; } = SigningKey.Endorsed;

    /// <summary>More claims, e.g. the <c>ver</c>, <c>appid</c> and <c>tid</c> of an Emulator (Entra) token.</summary>
    public IReadOnlyDictionary<string, object> Claims { get; init; } = new Dictionary<string, object>();

    /// <summary>"RS256", "RS384", "RS512", "HS256" (signed with a shared secret) or "none" (unsigned).</summary>
    public string Algorithm { get; init; } = "RS256";
}
