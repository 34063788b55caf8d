namespace BriefBot.Cli;

/// <summary>
/// The verbs of the one executable. <c>serve</c> (the default) starts the web host; the others run and exit.
/// </summary>
internal static class CliCommands
{
    private static readonly Dictionary<string, Func<CliArgs, TextWriter, int>> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ask"] = AskCommand.Run,
        ["index"] = IndexCommand.Run,
        ["eval"] = EvalCommand.Run,
        ["summarize"] = SummarizeCommand.Run,
    };

    private static readonly HashSet<string> Valued = new(StringComparer.OrdinalIgnoreCase) { "corpus", "questions", "out", "index", "input", "sentences" };

    /// <summary>True when <paramref name="args"/> name a verb other than serve; the verb then ran.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
        {
            if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Equals("serve", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: serve (default), {string.Join(", ", Verbs.Keys)}.");
                exitCode = 2;
                return true;
            }

            return false;
        }

        try
        {
            exitCode = verb(new CliArgs(args[1..], Valued), Console.Out);
        }
        catch (Exception ex) when (ex is CliException or DirectoryNotFoundException or FileNotFoundException or IOException)
        {
            Console.Error.WriteLine(ex.Message);
            exitCode = 2;
        }

        return true;
    }

    /// <summary>The host's arguments: everything but the optional leading "serve".</summary>
    public static string[] ServeArgs(string[] args) =>
        args.Length > 0 && args[0].Equals("serve", StringComparison.OrdinalIgnoreCase) ? args[1..] : args;
}
