namespace BriefBot.Conversation;

/// <summary>
/// What every channel's escaping starts from: document text is shown as data, so the characters that reorder what
/// a reader sees (bidirectional embeddings, overrides and isolates) are dropped, and a link from a source is kept
/// only when it is an absolute http(s) URL.
/// </summary>
internal static class DisplayText
{
    /// <summary>U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates) removed.</summary>
    public static string WithoutBidiControls(string text)
    {
        if (text.AsSpan().IndexOfAny(BidiControls) < 0)
        {
            return text;
        }

        return string.Create(text.Length - text.Count(BidiControls.Contains), text, (span, source) =>
        {
            int i = 0;
            foreach (char c in source)
            {
                if (!BidiControls.Contains(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    /// <summary>The URL when it is an absolute http or https URL (normalised); null otherwise (<c>javascript:</c>, relative, garbage).</summary>
    public static Uri? WebLink(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    private static readonly System.Buffers.SearchValues<char> BidiControls =
        System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
