using System.Globalization;
using System.Text;

namespace BriefBot.Digests;

/// <summary>
/// A digest as plain text: the fallback every channel can show, whole or in parts that fit a channel's message
/// size limit (cut between documents, else between lines, else between words).
/// </summary>
internal static class DigestText
{
    public static string Render(Digest digest) => string.Join("\n\n", Blocks(digest));

    /// <summary>The digest in as few messages as fit, each at most <paramref name="maxChars"/> characters.</summary>
    public static IReadOnlyList<string> Render(Digest digest, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 100);
        var parts = new List<string>();
        var part = new StringBuilder();
        foreach (string piece in Blocks(digest).SelectMany(b => b.Length <= maxChars ? [b] : Cut(b, maxChars)))
        {
            if (part.Length > 0 && part.Length + 2 + piece.Length > maxChars)
            {
                parts.Add(part.ToString());
                part.Clear();
            }

            part.Append(part.Length > 0 ? "\n\n" : "").Append(piece);
        }

        parts.Add(part.ToString());
        return parts;
    }

    private static IEnumerable<string> Blocks(Digest digest)
    {
        if (digest.IsEmpty)
        {
            yield return Digest.NothingNewText;
            yield break;
        }

        yield return "Daily digest for " + digest.Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        foreach (var document in digest.Documents)
        {
            var block = new StringBuilder().Append(document.Document.Title).Append(" (").Append(document.Document.Url ?? document.Document.Path).Append(')');
            foreach (var quote in document.KeySentences)
            {
                block.Append("\n  \u201C").Append(quote.Text).Append("\u201D (passage ").Append(quote.Citation.Passage + 1).Append(')');
            }

            yield return block.ToString();
        }

        if (digest.MoreDocuments > 0)
        {
            yield return $"…and {digest.MoreDocuments} more new or changed documents.";
        }

        if (digest.Documents.Count == 0)
        {
            yield return Digest.NothingNewText;
        }

        if (digest.Questions is { } asked)
        {
            string questions = asked.Asked == 1 ? "1 question" : $"{asked.Asked} questions";
            yield return string.Join("\n  - ", asked.UnansweredQuestions.Prepend($"Asked yesterday: {questions}, {asked.Unanswered} without an answer"));
        }
    }

    // A block too long for one message: at line ends where possible, else at the last space, else hard.
    private static IEnumerable<string> Cut(string block, int maxChars)
    {
        int start = 0;
        while (block.Length - start > maxChars)
        {
            int end = block.LastIndexOf('\n', start + maxChars - 1, maxChars - 1);
            end = end > start ? end : block.LastIndexOf(' ', start + maxChars - 1, maxChars - 1);
            end = end > start ? end : start + maxChars;
            yield return block[start..end];
            start = end < block.Length && block[end] is '\n' or ' ' ? end + 1 : end;
        }

        yield return block[start..];
    }
}
