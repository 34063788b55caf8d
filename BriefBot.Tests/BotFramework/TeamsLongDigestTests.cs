using System.Globalization;
using System.Text;
using BriefBot.Channels.BotFramework;
using BriefBot.Tests.Fakes;

namespace BriefBot.Tests.BotFramework;

/// <summary>A digest too big for one Teams message, end to end.</summary>
public sealed class TeamsLongDigestTests : IAsyncLifetime
{
    private const int Documents = 100;

    private DigestChannelsBed _bed = null!;

    public async Task InitializeAsync() => _bed = await DigestChannelsBed.StartAsync(maxDocuments: 100);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ALongDigestArrivesAsOneChannelPostWithLabelledPartsInItsThreadEachWithinTheTeamsSizeLimit()
    {
        await _bed.SayInTeamsAsync("digest on 08:00 Europe/Berlin");
        _bed.Publish([.. Enumerable.Range(1, Documents).Select(i => ($"report-{i:D3}.md", Report(i)))]);

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.TeamsChannelPosts().Count > 0);
        string thread = _bed.TeamsChannelPosts()[0].Body.GetProperty("activity").GetProperty("summary").GetString()!;
        int parts = int.Parse(thread[(thread.LastIndexOf(' ') + 1)..].TrimEnd(')'), CultureInfo.InvariantCulture);
        await _bed.AdvanceUntilAsync(() => Digest().Count >= parts);
        await _bed.PollAgainAsync();

        var digest = Digest();
        Assert.InRange(parts, 2, 10);
        Assert.Equal(parts, digest.Count);
        var post = Assert.Single(_bed.TeamsChannelPosts());
        Assert.Equal(post, digest[0]);
        for (int i = 0; i < digest.Count; i++)
        {
            Assert.InRange(Encoding.Unicode.GetByteCount(digest[i].Body.GetRawText()), 1, DigestMessages.MaxMessageBytes);
            var texts = DigestChannelsBed.CardTexts(DigestChannelsBed.Card(digest[i]));
            Assert.Equal($"Part {i + 1} of {parts}", texts[^1]);
            Assert.EndsWith($"Part {i + 1} of {parts}", DigestChannelsBed.Card(digest[i]).GetProperty("fallbackText").GetString());
        }

        var sources = digest.SelectMany(d => DigestChannelsBed.CardTexts(DigestChannelsBed.Card(d)))
            .Where(t => t.StartsWith("Source: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Documents, sources.Count);
        Assert.Equal(Documents, sources.Distinct().Count());
    }

    // The channel post, then the parts sent into its thread (the fake Connector names created conversations "conversation-…").
    private List<ConnectorRequest> Digest() =>
        _bed.TeamsChannelPosts() is [var post]
            ? [post, .. _bed.Connector.Requests.Where(r => r.Operation == "send" && r.Landed && r.ConversationId?.StartsWith("conversation-", StringComparison.Ordinal) == true)]
            : [.. _bed.TeamsChannelPosts()];

    private static string Report(int i) => string.Create(CultureInfo.InvariantCulture,
        $"# Quarterly report {i}\n\n" +
        $"The quarterly report number {i} finds that the travel budget of region {i} grew by {i} percent while the number of trips stayed the same as in the quarter before. " +
        $"Region {i} moved most of its meetings to video calls, which saved about {i * 1000} euros in flights and hotel nights over the whole quarter. " +
        $"The committee asks region {i} to report again at the end of the year, with the figures for train journeys listed apart from the figures for flights.\n");
}
