namespace BriefBot.Cli;

/// <summary>The arguments of one verb: positional words, <c>--flag</c>s and <c>--name value</c> options.</summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];
    private readonly List<string> _settings = [];

    public CliArgs(IReadOnlyList<string> args, IReadOnlySet<string> valued)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(arg);
                continue;
            }

            if (arg.Contains(':'))
            {
                _settings.Add(arg);
                continue;
            }

            string name = arg[2..];
            if (valued.Contains(name))
            {
                _options[name] = i + 1 < args.Count ? args[++i] : throw new CliException($"--{name} needs a value.");
            }
            else
            {
                _options[name] = null;
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    /// <summary>Configuration switches such as <c>--Search:Sources=docs</c>, which override appsettings and the environment.</summary>
    public IReadOnlyList<string> Settings => _settings;

    public bool Has(string flag) => _options.ContainsKey(flag);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new CliException($"--{name} is required.");
}

/// <summary>A mistake in the command line, reported to the user without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
