namespace BriefBot.Cli;

/// <summary>
/// The verbs of the one executable. <c>serve</c> (the default) starts the web host; the others run and exit. A
/// mistake in the command line (an unknown verb or option, a missing value) is a sentence on standard error and
/// exit code 2.
/// </summary>
internal static class CliCommands
{
    public const int UsageError = 2;

    public static readonly CliVerb Serve = new("serve", "serve [--Key=value ...] (settings such as --Search:Sources=DIR or --Urls=http://127.0.0.1:3978)",
        Flags: [], Valued: [], MaxPositional: 0, CliSettings.Any);

    private static readonly Dictionary<string, (CliVerb Verb, Func<CliArgs, TextWriter, TextWriter, int> Run)> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ask"] = (AskCommand.Verb, AskCommand.Run),
        ["index"] = (IndexCommand.Verb, IndexCommand.Run),
        ["eval"] = (EvalCommand.Verb, EvalCommand.Run),
        ["summarize"] = (SummarizeCommand.Verb, SummarizeCommand.Run),
    };

    /// <summary>True when <paramref name="args"/> name a verb other than serve, or are a mistake; the verb then ran.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        try
        {
            if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
            {
                if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Equals("serve", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException($"Unknown command '{args[0]}'. Commands: serve (default), {string.Join(", ", Verbs.Keys)}.");
                }

                _ = new CliArgs(ServeArgs(args), Serve);
                return false;
            }

            exitCode = verb.Run(new CliArgs(args[1..], verb.Verb), Console.Out, Console.Error);
        }
        catch (Exception ex) when (ex is CliException or DirectoryNotFoundException or FileNotFoundException or IOException)
        {
            Console.Error.WriteLine(ex.Message);
            exitCode = UsageError;
        }

        return true;
    }

    /// <summary>The host's arguments: everything but the optional leading "serve".</summary>
    public static string[] ServeArgs(string[] args) =>
        args.Length > 0 && args[0].Equals("serve", StringComparison.OrdinalIgnoreCase) ? args[1..] : args;
}
