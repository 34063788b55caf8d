using System.ComponentModel.DataAnnotations;

namespace BriefBot.Channels.BotFramework;

/// <summary>How BriefBot behaves in a Bot Framework conversation (section <c>Teams</c>).</summary>
internal sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>
    /// How long an answer may take before a typing activity is sent first. An answer ready sooner goes out alone: the
    /// typing indicator is for answers that are not immediate, and it would cost a Connector call before every reply.
    /// Zero sends typing before every answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Teams:TypingDelay must be between 00:00:00 and 00:00:10.")]
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long one Connector call may take. One that takes longer, or whose connection breaks, is sent again (a
    /// reply is never dropped for a hang; one that had landed shows twice); typing is not sent again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "Teams:ConnectorTimeout must be between 00:00:01 and 00:02:00.")]
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
