using System.Globalization;
using System.Text.Json.Nodes;
using BriefBot.Conversation;
using BriefBot.Digests;
using BriefBot.Search.Summaries;
using static BriefBot.Channels.BotFramework.AnswerCard;

namespace BriefBot.Channels.BotFramework;

/// <summary>
/// A digest as Adaptive Cards 1.5: the day; per document its title, its key sentences quoted and the citation; then
/// "asked yesterday". Each card carries the plain text of what it shows as <c>fallbackText</c>. Document text and the
/// questions asked are in RichTextBlocks (<see cref="TeamsText"/>). A digest too big for
/// one Teams message comes in several cards, cut between documents, each labelled "Part i of n".
/// </summary>
internal static class DigestCard
{
    private const int MaxTitle = 200;
    private const int MaxQuote = 2_000;
    private const int MaxQuestion = 300;

    /// <summary>A piece kept in one card: a document with its quotes and citation, the heading, a question.</summary>
    internal sealed record Unit(IReadOnlyList<JsonObject> Blocks, string Plain);

    public static string Title(Digest digest) => "Daily digest for " + digest.Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static IEnumerable<Unit> Units(Digest digest)
    {
        if (digest.IsEmpty)
        {
            yield return new Unit([TextBlock(Digest.NothingNewText)], Digest.NothingNewText);
            yield break;
        }

        yield return new Unit([TextBlock(Title(digest), size: "Large", weight: "Bolder")], Title(digest));
        foreach (var document in digest.Documents)
        {
            yield return Document(document);
        }

        if (digest.MoreDocuments > 0)
        {
            string more = $"…and {digest.MoreDocuments} more new or changed documents.";
            yield return new Unit([TextBlock(more, subtle: true)], more);
        }

        if (digest.Documents.Count == 0)
        {
            yield return new Unit([TextBlock(Digest.NothingNewText)], Digest.NothingNewText);
        }

        if (digest.Questions is { } asked)
        {
            string heading = $"Asked yesterday: {(asked.Asked == 1 ? "1 question" : $"{asked.Asked} questions")}, {asked.Unanswered} without an answer";
            yield return new Unit([TextBlock(heading, weight: "Bolder", separator: true)], heading);
            foreach (string question in asked.UnansweredQuestions)
            {
                string line = "- " + Shorten(question, MaxQuestion);
                yield return new Unit([TeamsText.Block(line)], line);
            }
        }
    }

    /// <summary>The card of one part: its units, the plain-text fallback, and the part label when there are several.</summary>
    public static JsonObject Card(IReadOnlyList<Unit> units, int part, int parts)
    {
        var body = new JsonArray();
        var plain = new List<string>();
        foreach (var unit in units)
        {
            foreach (var block in unit.Blocks)
            {
                body.Add(block.DeepClone());
            }

            plain.Add(unit.Plain);
        }

        if (parts > 1)
        {
            string label = $"Part {part} of {parts}";
            body.Add(TextBlock(label, subtle: true, separator: true));
            plain.Add(label);
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = TeamsText.Plain(string.Join("\n\n", plain)),
            ["body"] = body,
        };
    }

    private static Unit Document(DocumentSummary summary)
    {
        var document = summary.Document;
        string title = Shorten(document.Title, MaxTitle);
        var blocks = new List<JsonObject> { TeamsText.Block([TeamsText.Link(title, document.Url, weight: "Bolder")], separator: true) };
        var plain = new List<string> { title };
        foreach (var quote in summary.KeySentences)
        {
            string text = $"\u201C{Shorten(quote.Text, MaxQuote)}\u201D";
            blocks.Add(TeamsText.Block(text));
            plain.Add($"  {text} (passage {quote.Citation.Passage + 1})");
        }

        var passages = summary.KeySentences.Select(q => q.Citation.Passage + 1).Distinct().Order().ToList();
        string where = passages.Count == 0 ? "" : $", {(passages.Count == 1 ? "passage" : "passages")} {string.Join(", ", passages)}";
        string path = Shorten(document.Path, MaxTitle);
        blocks.Add(TeamsText.Block([TeamsText.Run("Source: ", subtle: true), TeamsText.Link(path, document.Url, subtle: true), TeamsText.Run(where, subtle: true)]));
        plain.Add($"Source: {DisplayText.WebLink(document.Url)?.AbsoluteUri ?? path}{where}");
        return new Unit(blocks, string.Join("\n", plain));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
