using System.ComponentModel.DataAnnotations;

namespace BriefBot.Digests;

/// <summary>The "Digests" configuration section.</summary>
internal sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>The time of day (HH:mm) of a subscription that names none.</summary>
    [Required, RegularExpression(@"^([01]?\d|2[0-3]):[0-5]\d$", ErrorMessage = "Digests:DefaultTime must be a time of day such as 08:00.")]
    public string DefaultTime { get; set; } = "08:00";

    /// <summary>The IANA time zone of a subscription that names none.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Whether a new subscription posts "nothing new" on a quiet day (true) or stays silent (false).</summary>
    public bool SayNothingNew { get; set; } = true;

    /// <summary>How often the schedule looks for digests that fell due.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 30;

    /// <summary>The most documents one digest lists; the rest are counted.</summary>
    [Range(1, 100)]
    public int MaxDocuments { get; set; } = 10;

    /// <summary>The most unanswered questions one digest lists; the rest are counted.</summary>
    [Range(0, 100)]
    public int MaxUnanswered { get; set; } = 10;

    /// <summary>The validated <see cref="DefaultTime"/> as a time of day (a method, so validation does not read it first).</summary>
    public TimeOnly DefaultTimeOfDay() => TimeOnly.ParseExact(DefaultTime.PadLeft(5, '0'), "HH:mm");
}
