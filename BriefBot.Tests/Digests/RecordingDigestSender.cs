using BriefBot.Digests;

namespace BriefBot.Tests.Digests;

/// <summary>A digest sender for tests: keeps what it was asked to post, and can act after posting.</summary>
internal sealed class RecordingDigestSender(string channel) : IDigestSender
{
    private readonly List<(DigestSubscription Subscription, Digest Digest)> _sent = [];

    public string Channel { get; } = channel;

    /// <summary>Runs after each post, for simulating what happens next (a crash, a failure).</summary>
    public Action? AfterSend { get; set; }

    public IReadOnlyList<(DigestSubscription Subscription, Digest Digest)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendAsync(DigestSubscription subscription, Digest digest, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add((subscription, digest));
        }

        AfterSend?.Invoke();
        return Task.CompletedTask;
    }
}
