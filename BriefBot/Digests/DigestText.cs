using System.Text;

namespace BriefBot.Digests;

/// <summary>A digest as plain text: the fallback every channel can show, and the base of richer renderings.</summary>
internal static class DigestText
{
    public static string Render(Digest digest)
    {
        if (digest.IsEmpty)
        {
            return Digest.NothingNewText;
        }

        var text = new StringBuilder();
        text.Append("Daily digest for ").Append(digest.Day.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var document in digest.Documents)
        {
            text.Append('\n').Append(document.Document.Title).Append(" (").Append(document.Document.Url ?? document.Document.Path).Append(")\n");
            foreach (var quote in document.KeySentences)
            {
                text.Append("  \u201C").Append(quote.Text).Append("\u201D (passage ").Append(quote.Citation.Passage + 1).Append(")\n");
            }
        }

        if (digest.MoreDocuments > 0)
        {
            text.Append("\n…and ").Append(digest.MoreDocuments).Append(" more new or changed documents.\n");
        }

        if (digest.Documents.Count == 0)
        {
            text.Append('\n').Append(Digest.NothingNewText).Append('\n');
        }

        if (digest.Questions is { } asked)
        {
            text.Append("\nAsked yesterday: ").Append(Plural(asked.Asked, "question")).Append(", ")
                .Append(asked.Unanswered).Append(" without an answer\n");
            foreach (string question in asked.UnansweredQuestions)
            {
                text.Append("  - ").Append(question).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
