using System.Globalization;

namespace BriefBot.Bench.Fuzz;

/// <summary>
/// <c>--fuzz [--count N] [--seconds S] [--seed N] [--fixtures DIR] [--out DIR]</c>: at most N mutated payloads per route,
/// and at most S seconds per route, whichever comes first.
/// </summary>
internal sealed record FuzzOptions(int Count, TimeSpan PerRoute, int Seed, string Fixtures, string Out)
{
    public const string Usage = "usage: BriefBot.Bench --fuzz [--count N] [--seconds S] [--seed N] [--fixtures DIR] [--out DIR]";

    /// <summary>Requests in flight per route: enough to overlap, few enough that the bot's own queues never fill.</summary>
    public const int Concurrency = 4;

    /// <summary>The copies of ../shared/fixtures bundled with the bench (see Fuzz/fixtures/PROVENANCE.md).</summary>
    public static string BundledFixtures => Path.Combine(AppContext.BaseDirectory, "Fuzz", "fixtures");

    public static FuzzOptions? Parse(string[] args)
    {
        int count = 2_000, seconds = 120, seed = 13;
        string fixtures = BundledFixtures;
        string output = Path.Combine(Path.GetTempPath(), "briefbot-fuzz");
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--fuzz":
                    break;
                case "--count" when i + 1 < args.Length && Number(args[++i], 1, 1_000_000) is { } n:
                    count = n;
                    break;
                case "--seconds" when i + 1 < args.Length && Number(args[++i], 1, 3_600) is { } s:
                    seconds = s;
                    break;
                case "--seed" when i + 1 < args.Length && Number(args[++i], 0, int.MaxValue) is { } r:
                    seed = r;
                    break;
                case "--fixtures" when i + 1 < args.Length:
                    fixtures = Path.GetFullPath(args[++i]);
                    break;
                case "--out" when i + 1 < args.Length:
                    output = Path.GetFullPath(args[++i]);
                    break;
                default:
                    return null;
            }
        }

        if (!Directory.Exists(Path.Combine(fixtures, "botframework")) || !Directory.Exists(Path.Combine(fixtures, "slack")))
        {
            Console.Error.WriteLine($"--fixtures: {fixtures} has no botframework/ and slack/ folders (the layout of shared/fixtures)");
            return null;
        }

        return new FuzzOptions(count, TimeSpan.FromSeconds(seconds), seed, fixtures, output);
    }

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max ? n : null;
}
