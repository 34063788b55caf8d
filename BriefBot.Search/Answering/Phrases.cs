namespace BriefBot.Search.Answering;

/// <summary>
/// Runs of three words as written (lower-cased, stop words kept: "the leading portrait"): a question that repeats
/// a phrase of a passage shares its runs, where the analysed terms only say that the words occur. Each run is kept as a
/// 64-bit hash, so reading a passage allocates nothing.
/// </summary>
internal static class Phrases
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The runs of three words in <paramref name="text"/>.</summary>
    public static IReadOnlySet<ulong> Of(ReadOnlySpan<char> text)
    {
        var runs = new HashSet<ulong>();
        ulong a = 0, b = 0;
        int words = 0;
        for (int at = 0; NextWord(text, ref at, out ulong word);)
        {
            if (++words >= 3)
            {
                runs.Add(Run(a, b, word));
            }

            (a, b) = (b, word);
        }

        return runs;
    }

    /// <summary>The share of <paramref name="question"/>'s runs that <paramref name="text"/> holds (0..1).</summary>
    public static double Share(IReadOnlySet<ulong> question, ReadOnlySpan<char> text)
    {
        if (question.Count == 0)
        {
            return 0;
        }

        HashSet<ulong>? held = null;
        ulong a = 0, b = 0;
        int words = 0;
        for (int at = 0; NextWord(text, ref at, out ulong word);)
        {
            if (++words >= 3)
            {
                ulong run = Run(a, b, word);
                if (question.Contains(run))
                {
                    (held ??= []).Add(run);
                }
            }

            (a, b) = (b, word);
        }

        return (held?.Count ?? 0) / (double)question.Count;
    }

    private static ulong Run(ulong a, ulong b, ulong c) => unchecked((((a * Prime) ^ b) * Prime) ^ c);

    // The next run of letters and digits from `at`, as an FNV-1a hash of its lower-case form.
    private static bool NextWord(ReadOnlySpan<char> text, ref int at, out ulong hash)
    {
        while (at < text.Length && !char.IsLetterOrDigit(text[at]))
        {
            at++;
        }

        hash = Offset;
        if (at == text.Length)
        {
            return false;
        }

        for (; at < text.Length && char.IsLetterOrDigit(text[at]); at++)
        {
            hash = unchecked((hash ^ char.ToLowerInvariant(text[at])) * Prime);
        }

        return true;
    }
}
