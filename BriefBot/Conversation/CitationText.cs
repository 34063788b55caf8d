using BriefBot.Search;

namespace BriefBot.Conversation;

/// <summary>How every channel says where a quote stands.</summary>
internal static class CitationText
{
    /// <summary>
    /// The file and the place in it a reader can find again: "guide.pdf, page 4", "deck.pptx, slide 3"; where the
    /// format has no pages, the passage, counted from 1 as people count.
    /// </summary>
    public static string Where(Citation citation) => citation.Path + Place(citation);

    /// <summary>The place alone, after the file's name: ", page 4", ", passage 2".</summary>
    public static string Place(Citation citation) =>
        $", {(string.IsNullOrEmpty(citation.Location) || citation.Location.StartsWith("line", StringComparison.Ordinal) ? $"passage {citation.Passage + 1}" : citation.Location)}";
}
