namespace BriefBot.Search.Summaries;

/// <summary>A document's key sentences, each quoted verbatim with its citation.</summary>
/// <param name="Document">The document as indexed.</param>
/// <param name="KeySentences">Up to the requested number of sentences, in document order.</param>
public sealed record DocumentSummary(DocumentInfo Document, IReadOnlyList<KeyQuote> KeySentences);

/// <summary>One key sentence of a document and where it stands.</summary>
/// <param name="Text">The sentence, verbatim.</param>
/// <param name="Citation">Its passage and offsets in the document's text.</param>
public sealed record KeyQuote(string Text, Citation Citation);
