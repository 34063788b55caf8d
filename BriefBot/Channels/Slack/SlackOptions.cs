using System.ComponentModel.DataAnnotations;

namespace BriefBot.Channels.Slack;

/// <summary>
/// The "Slack" configuration section. The Slack channel is on exactly when <see cref="SigningSecret"/> is set; then
/// <see cref="BotToken"/> is required too.
/// </summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information page); every request from Slack is checked with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) the replies are posted with.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Slack Web API; methods such as <c>chat.postMessage</c> are resolved against it.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Slash-command answers go only to <c>response_url</c>s under this address.</summary>
    [Required]
    public Uri ResponseUrlBase { get; set; } = new("https://hooks.slack.com/");

    /// <summary>How long one call to Slack may take before its fate counts as unknown (a post is then looked for before it is sent again).</summary>
    [Range(1, 120, ErrorMessage = "Slack:TimeoutSeconds must be between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 15;

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public static bool IsBaseUrl(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.AbsolutePath.EndsWith('/');
}
