using System.Globalization;

namespace BriefBot.Tests.Slack;

/// <summary>A digest too big for one Slack message, end to end.</summary>
public sealed class SlackLongDigestTests : IAsyncLifetime
{
    private const int Documents = 60;

    private SlackDigestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SlackDigestBed.StartAsync(maxDocuments: 100);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ALongDigestArrivesInLabelledPartsEachWithinSlacksLimits()
    {
        await _bed.Bed.SendCommandAsync("digest on 08:00 Europe/Berlin", _bed.Slack.NewResponseUrl(), "CLONG");
        _bed.Publish([.. Enumerable.Range(1, Documents).Select(i => ($"report-{i:D2}.md", Report(i)))]);

        await _bed.AdvanceToDueTimeUntilAsync(() => _bed.Digests("CLONG").Count >= 3);
        await _bed.PollAgainAsync();

        var parts = _bed.Digests("CLONG");
        Assert.Equal(3, parts.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            var blocks = parts[i].Body["blocks"]!.AsArray();
            Assert.InRange(blocks.Count, 2, 50);
            Assert.InRange(parts[i].Text!.Length, 1, 40_000);
            Assert.All(SlackDigestTests.BlockTexts(blocks), text => Assert.InRange(text.Length, 1, 3_000));
            Assert.Equal($"Part {i + 1} of 3", SlackDigestTests.BlockTexts(blocks)[^1]);
        }

        var sources = parts.SelectMany(p => SlackDigestTests.BlockTexts(p.Body["blocks"]!.AsArray()))
            .Where(t => t.StartsWith("Source: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Documents, sources.Count);
        Assert.Equal(Documents, sources.Distinct().Count());
    }

    private static string Report(int i) => string.Create(CultureInfo.InvariantCulture,
        $"# Quarterly report {i}\n\n" +
        $"The quarterly report number {i} finds that the travel budget of region {i} grew by {i} percent while the number of trips stayed the same as in the quarter before. " +
        $"Region {i} moved most of its meetings to video calls, which saved about {i * 1000} euros in flights and hotel nights over the whole quarter. " +
        $"The committee asks region {i} to report again at the end of the year, with the figures for train journeys listed apart from the figures for flights.\n");
}
