using BriefBot.Answers;
using BriefBot.Search;

namespace BriefBot.Cli;

/// <summary>The configuration the command-line verbs read: the host's appsettings, environment, then switches.</summary>
internal static class CliConfiguration
{
    public static IConfiguration Load(IEnumerable<string> switches) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(switches.ToArray())
        .Build();

    public static SearchOptions Search(IConfiguration configuration) =>
        configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();

    public static Knowledge OpenKnowledge(SearchOptions options) => Knowledge.Open(options.ToKnowledgeOptions(TimeProvider.System));
}
