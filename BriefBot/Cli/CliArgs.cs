namespace BriefBot.Cli;

/// <summary>What a verb takes: its <c>--flag</c>s, its <c>--name value</c> options and how many positional words.</summary>
/// <param name="Usage">The verb's usage line, shown with every mistake.</param>
/// <param name="Settings">
/// Whether it takes configuration switches: <c>--Section:Key=value</c> for the verbs, any <c>--Key=value</c> for
/// <c>serve</c> (<c>--Urls=…</c>, <c>--MicrosoftAppId=…</c>).
/// </param>
internal sealed record CliVerb(string Name, string Usage, IReadOnlyList<string> Flags, IReadOnlyList<string> Valued, int MaxPositional, CliSettings Settings);

internal enum CliSettings
{
    /// <summary><c>--Section:Key=value</c> only.</summary>
    Sectioned,

    /// <summary>Any <c>--Key=value</c>, as the web host reads them.</summary>
    Any,
}

/// <summary>
/// The arguments of one verb, read strictly: a flag or option the verb does not take, a setting without its
/// <c>=value</c>, or one word too many is a <see cref="CliException"/> that names it, never silently ignored.
/// </summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];
    private readonly List<string> _settings = [];

    public CliArgs(IReadOnlyList<string> args, CliVerb verb)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                if (_positional.Count == verb.MaxPositional)
                {
                    throw Mistake(verb, $"'{arg}' is one argument too many for {verb.Name}.");
                }

                _positional.Add(arg);
                continue;
            }

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? arg[2..] : arg[2..equals];
            if (Has(verb.Flags, name) && equals < 0)
            {
                _options[name] = null;
            }
            else if (Has(verb.Valued, name))
            {
                _options[name] = equals >= 0 ? arg[(equals + 1)..]
                    : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                    : throw Mistake(verb, $"--{name} needs a value.");
            }
            else if (IsSetting(verb, name) && equals > 2)
            {
                _settings.Add(arg);
            }
            else if (name.Contains(':', StringComparison.Ordinal))
            {
                throw Mistake(verb, $"The setting --{name} needs its value after '=': --{name}=VALUE.");
            }
            else
            {
                throw Mistake(verb, $"Unknown option '{arg}' for {verb.Name}.");
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    /// <summary>Configuration switches such as <c>--Search:Sources=docs</c>, which override appsettings and the environment.</summary>
    public IReadOnlyList<string> Settings => _settings;

    public bool Has(string flag) => _options.ContainsKey(flag);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new CliException($"--{name} is required.");

    private static bool Has(IReadOnlyList<string> names, string name) => names.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static bool IsSetting(CliVerb verb, string name) =>
        name.Length > 0 && (name.Contains(':', StringComparison.Ordinal) || verb.Settings == CliSettings.Any);

    private static CliException Mistake(CliVerb verb, string what) => new($"{what} Usage: {verb.Usage}");
}

/// <summary>A mistake in the command line, reported to the user without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
