using System.ComponentModel.DataAnnotations;
using BriefBot.Channels.BotFramework;

namespace BriefBot.Channels.Playground;

/// <summary>
/// The <c>Playground</c> section: the local Web Chat page and its Direct Line endpoint, and their memory limits.
/// </summary>
internal sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>
    /// True or false turns the playground on or off; unset means on only in Development when authentication is off
    /// (no <c>MicrosoftAppId</c>).
    /// </summary>
    public bool? Enabled { get; set; }

    [Range(1, 10_000)]
    public int MaxConversations { get; set; } = 100;

    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 100;

    /// <summary>A conversation nobody used for this long is forgotten, and its token stops working.</summary>
    [Range(1, 24 * 60)]
    public int IdleMinutes { get; set; } = 60;

    /// <summary>The rule: explicit settings win; otherwise only a Development host without Bot Framework credentials.</summary>
    public bool IsOn(IHostEnvironment environment, BotFrameworkOptions bot) =>
        Enabled ?? (environment.IsDevelopment() && !bot.AuthenticationEnabled);
}
