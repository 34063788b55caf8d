using System.Globalization;

namespace BriefBot.Digests;

/// <summary>What a <c>digest ...</c> message asks for.</summary>
internal abstract record DigestCommand
{
    public const string Usage = "Use `digest on [HH:MM] [Time/Zone] [quiet]`, `digest off` or `digest now`.";

    private const int MaxLength = 200;

    /// <summary>Reads "digest on 08:30 Europe/Berlin", "digest off", "digest now"; null when the text is not about digests.</summary>
    public static DigestCommand? Parse(string text)
    {
        var words = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !words[0].Equals("digest", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (text.Length > MaxLength || words.Length == 1)
        {
            return new Invalid(Usage);
        }

        string verb = words[1].ToLowerInvariant();
        return verb switch
        {
            "off" or "stop" when words.Length == 2 => new Off(),
            "now" when words.Length == 2 => new Now(),
            "on" or "start" => ParseOn(words[2..]),
            _ => new Invalid(Usage),
        };
    }

    private static DigestCommand ParseOn(string[] args)
    {
        TimeOnly? time = null;
        string? zone = null;
        bool? quiet = null;
        foreach (string arg in args)
        {
            if (time is null && zone is null && TimeOnly.TryParseExact(arg, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                time = t;
            }
            else if (quiet is null && arg.ToLowerInvariant() is "quiet" or "always")
            {
                quiet = arg.Equals("quiet", StringComparison.OrdinalIgnoreCase);
            }
            else if (zone is null && arg.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(arg, out var found))
            {
                zone = found.Id;
            }
            else
            {
                return new Invalid($"I did not understand \u201C{Shorten(arg)}\u201D: give a time such as 08:30 and an IANA time zone such as Europe/Berlin. {Usage}");
            }
        }

        return new On(time, zone, quiet);
    }

    private static string Shorten(string word) => word.Length > 40 ? word[..40] + "…" : word;

    /// <summary>Subscribe, or change the time, zone or quiet-day setting; nulls take the defaults.</summary>
    public sealed record On(TimeOnly? Time, string? TimeZone, bool? Quiet) : DigestCommand;

    public sealed record Off : DigestCommand;

    public sealed record Now : DigestCommand;

    public sealed record Invalid(string Message) : DigestCommand;
}
