namespace BriefBot.Tests.Playground;

/// <summary>
/// A fact that drives Debian's Chromium. On a developer machine without it the test is skipped and says why; in CI
/// (<c>CI</c> or <c>BRIEFBOT_REQUIRE_CHROMIUM</c> set, as <c>.ci/run</c> does after installing it) it runs and fails.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        bool required = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("BRIEFBOT_REQUIRE_CHROMIUM"));
        if (!File.Exists(Chromium.ExecutablePath) && !required)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath}: run `sudo apt-get install -y chromium` (CI installs it in .ci/run).";
        }
    }
}
