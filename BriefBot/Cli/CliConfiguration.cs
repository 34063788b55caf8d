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

    /// <summary>Opens the index for <c>index</c>, which is told to bring it in line with the sources.</summary>
    public static Knowledge OpenKnowledge(SearchOptions options, TextWriter errors)
    {
        var knowledge = Knowledge.Open(options.ToKnowledgeOptions(TimeProvider.System));
        if (knowledge.Repaired is { } repaired)
        {
            errors.WriteLine(repaired);
        }

        return knowledge;
    }

    /// <summary>
    /// Opens the index for <c>ask</c> and <c>eval</c>, which answer from it and are not told to index: it is read
    /// again from the sources only when it mirrors them (or is new and empty); an index built from another folder,
    /// or one that does not say, is answered from as it is, with a note, and none of its documents is deleted.
    /// </summary>
    public static Knowledge OpenToAnswer(SearchOptions options, TextWriter errors, out IndexReport? refreshed, IProgress<IndexProgress>? progress = null)
    {
        var knowledge = OpenKnowledge(options, errors);
        try
        {
            string sources = Path.TrimEndingDirectorySeparator(options.SourceFolder);
            string index = Path.GetFullPath(options.IndexFolder);
            string? from = knowledge.IndexedFrom is { } recorded ? Path.TrimEndingDirectorySeparator(recorded) : null;
            refreshed = null;
            if (from == sources || (from is null && knowledge.Stats().Documents == 0))
            {
                refreshed = knowledge.Refresh(progress);
            }
            else
            {
                errors.WriteLine(from is null
                    ? $"Answering from the index in {index} as it is: it does not say which folder it was built from, so it is not read again from {sources} (the 'index' command does that)."
                    : $"Answering from the index in {index} as it is: it was built from {from}, not {sources}; 'index {sources} --index {index}' would replace its documents.");
            }

            return knowledge;
        }
        catch
        {
            knowledge.Dispose();
            throw;
        }
    }
}
