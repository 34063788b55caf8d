using System.Globalization;
using System.Text;
using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Search.Summaries;

namespace BriefBot.Channels.Slack;

/// <summary>
/// A digest as Block Kit: a header with the day; per document its title, its key sentences as block quotes and a
/// context line with the source and passages; then "asked yesterday". Each block carries its plain text, so every
/// part of a split digest has a fallback of exactly what it shows.
/// </summary>
internal static class SlackDigestBlocks
{
    private const int MaxTitle = 200;
    private const int MaxQuestion = 300;

    public static IReadOnlyList<SlackMessage> Render(Digest digest) => SlackMessageParts.Pack(Units(digest));

    // A unit is kept in one message when it fits: a document with its quotes and its source.
    private static IEnumerable<IReadOnlyList<SlackPiece>> Units(Digest digest)
    {
        if (digest.IsEmpty)
        {
            yield return [.. Sections([(SlackText.Escape(Digest.NothingNewText), Digest.NothingNewText)])];
            yield break;
        }

        string title = "Daily digest for " + digest.Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        yield return [new SlackPiece(SlackBlocks.Header(title), title)];
        foreach (var document in digest.Documents)
        {
            yield return Document(document);
        }

        if (digest.MoreDocuments > 0)
        {
            string more = $"…and {digest.MoreDocuments} more new or changed documents.";
            yield return [new SlackPiece(SlackBlocks.Context(SlackText.Escape(more)), more)];
        }

        if (digest.Documents.Count == 0)
        {
            yield return [.. Sections([(SlackText.Escape(Digest.NothingNewText), Digest.NothingNewText)])];
        }

        if (digest.Questions is { } asked)
        {
            string heading = $"{(asked.Asked == 1 ? "1 question" : $"{asked.Asked} questions")}, {asked.Unanswered} without an answer";
            var lines = asked.UnansweredQuestions
                .Select(q => ("• " + SlackText.Escape(SlackText.Shorten(q, MaxQuestion)), "  - " + q))
                .Prepend(($"*Asked yesterday:* {heading}", "Asked yesterday: " + heading));
            yield return [.. Sections(lines)];
        }
    }

    private static List<SlackPiece> Document(DocumentSummary summary)
    {
        var document = summary.Document;
        var lines = new List<(string, string)> { ($"*{SlackText.Escape(SlackText.Shorten(document.Title, MaxTitle))}*", document.Title) };
        lines.AddRange(summary.KeySentences.Select(q => (SlackText.BlockQuote(q.Text), $"  \u201C{q.Text}\u201D (passage {q.Citation.Passage + 1})")));

        var passages = summary.KeySentences.Select(q => q.Citation.Passage + 1).Distinct().Order().ToList();
        string where = passages.Count == 0 ? "" : $", {(passages.Count == 1 ? "passage" : "passages")} {string.Join(", ", passages)}";
        string path = SlackText.Shorten(document.Path, MaxTitle);
        string source = DisplayText.WebLink(document.Url) is null ? SlackText.Code(path) : SlackText.Link(document.Url, path);
        return
        [
            .. Sections(lines),
            new SlackPiece(SlackBlocks.Context($"Source: {source}{where}"), $"Source: {DisplayText.WebLink(document.Url)?.AbsoluteUri ?? document.Path}{where}"),
        ];
    }

    /// <summary>
    /// Lines as mrkdwn sections of at most <see cref="SlackBlocks.MaxSectionText"/> characters, cut between lines;
    /// a longer line is cut between words, and each piece of a block quote stays a block quote.
    /// </summary>
    private static IEnumerable<SlackPiece> Sections(IEnumerable<(string Mrkdwn, string Plain)> lines)
    {
        var mrkdwn = new StringBuilder();
        var plain = new StringBuilder();
        foreach (var (line, text) in lines)
        {
            var pieces = line.Split('\n').SelectMany(Cut).ToList();
            for (int i = 0; i < pieces.Count; i++)
            {
                if (mrkdwn.Length > 0 && mrkdwn.Length + 1 + pieces[i].Length > SlackBlocks.MaxSectionText)
                {
                    yield return new SlackPiece(SlackBlocks.Section(mrkdwn.ToString()), plain.ToString());
                    mrkdwn.Clear();
                    plain.Clear();
                }

                mrkdwn.Append(mrkdwn.Length > 0 ? "\n" : "").Append(pieces[i]);
                if (i == 0)
                {
                    plain.Append(plain.Length > 0 ? "\n" : "").Append(text);
                }
            }
        }

        if (mrkdwn.Length > 0)
        {
            yield return new SlackPiece(SlackBlocks.Section(mrkdwn.ToString()), plain.ToString());
        }
    }

    // Between words where possible, never inside an escaped "&amp;", "&lt;" or "&gt;".
    private static IEnumerable<string> Cut(string line)
    {
        const int max = SlackBlocks.MaxSectionText - 1;
        string prefix = line.StartsWith('>') ? ">" : "";
        int start = prefix.Length;
        while (line.Length - start > max)
        {
            int end = line.LastIndexOf(' ', start + max - 1, max - 1);
            if (end <= start)
            {
                end = start + max;
                int amp = line.LastIndexOf('&', end - 1, 4);
                end = amp > start && line.IndexOf(';', amp, end - amp) < 0 ? amp : end;
            }

            yield return prefix + line[start..end];
            start = end < line.Length && line[end] == ' ' ? end + 1 : end;
        }

        yield return prefix + line[start..];
    }
}
