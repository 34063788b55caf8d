using System.Text;
using BriefBot.Channels.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefBot.Tests.Slack;

/// <summary>The signature check against Slack's documented example, with the clock frozen at the example's time.</summary>
public sealed class SlackSignatureTests
{
    private static readonly string Secret = SigningExample.Documented.Secret;
    private static readonly string Timestamp = SigningExample.Documented.Timestamp;
    private static readonly string Body = SigningExample.Documented.Body;
    private static readonly string Signature = SigningExample.Documented.Signature;
    private static readonly DateTimeOffset SignedAt = SigningExample.Documented.SignedAt;

    [Fact]
    public void SlacksDocumentedExampleVerifiesAtItsOwnTime()
    {
        Assert.Equal(SignatureCheck.Valid, Verifier(SignedAt).Check(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(-300, nameof(SignatureCheck.Valid))]
    [InlineData(300, nameof(SignatureCheck.Valid))]
    [InlineData(301, nameof(SignatureCheck.OutsideTimeWindow))]
    [InlineData(-301, nameof(SignatureCheck.OutsideTimeWindow))]
    [InlineData(86_400 * 365, nameof(SignatureCheck.OutsideTimeWindow))]
    public void TheExampleIsAcceptedOnlyWithinFiveMinutesEitherWay(int clockOffsetSeconds, string expected)
    {
        var verifier = Verifier(SignedAt.AddSeconds(clockOffsetSeconds));

        Assert.Equal(expected, verifier.Check(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)).ToString());
    }

    [Fact]
    public void ATamperedBodyIsRefused()
    {
        string tampered = Body.Replace("text=&", "text=give+me+admin&", StringComparison.Ordinal);

        Assert.Equal(SignatureCheck.Mismatch, Verifier(SignedAt).Check(Timestamp, Signature, Encoding.UTF8.GetBytes(tampered)));
    }

    [Fact]
    public void AV1SignatureIsRefusedEvenWithTheRightHash()
    {
        Assert.Equal(SignatureCheck.Malformed, Verifier(SignedAt).Check(Timestamp, "v1=" + Signature[3..], Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void TheExampleDoesNotVerifyWithAnotherSecret()
    {
        var verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = Secret + "x" }), new FakeTimeProvider(SignedAt));

        Assert.Equal(SignatureCheck.Mismatch, verifier.Check(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void MissingHeadersAreRefused(bool withTimestamp, bool withSignature)
    {
        var check = Verifier(SignedAt).Check(withTimestamp ? Timestamp : null, withSignature ? Signature : null, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.MissingHeaders, check);
    }

    [Theory]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("99999999999999999999")]
    [InlineData("soon")]
    public void AMalformedTimestampIsRefused(string timestamp)
    {
        Assert.Equal(SignatureCheck.Malformed, Verifier(SignedAt).Check(timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    private static SlackSignatureVerifier Verifier(DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = Secret }), new FakeTimeProvider(now));
}
