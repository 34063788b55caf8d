using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BriefBot.Channels.Slack;

/// <summary>Why a request from Slack was or was not accepted.</summary>
internal enum SignatureCheck
{
    Valid,
    MissingHeaders,
    Malformed,
    OutsideTimeWindow,
    Mismatch,
}

/// <summary>
/// Slack's request signing: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the signing
/// secret, compared in constant time; timestamps more than five minutes from now, either way, are refused.
/// </summary>
internal sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider clock)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int HashBytes = 32;

    public SignatureCheck Check(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        string? secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long sentAt)
            || !signature.StartsWith(Version + "=", StringComparison.Ordinal) || signature.Length != Version.Length + 1 + (2 * HashBytes))
        {
            return SignatureCheck.Malformed;
        }

        long skew = Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - sentAt);
        if (skew > (long)MaxClockSkew.TotalSeconds)
        {
            return SignatureCheck.OutsideTimeWindow;
        }

        Span<byte> sent = stackalloc byte[HashBytes];
        if (Convert.FromHexString(signature.AsSpan(Version.Length + 1), sent, out _, out int written) != System.Buffers.OperationStatus.Done
            || written != HashBytes)
        {
            return SignatureCheck.Malformed;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[HashBytes];
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, sent) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }
}
