namespace BriefBot.Bench;

/// <summary>The command line: <c>[--squad DIR] [--full] [--out DIR] [--only inprocess|e2e] [--conversations N,N…]</c>.</summary>
internal sealed record BenchOptions(string? Squad, bool Full, string Out, string? Only, int[] Conversations)
{
    public const string Usage = "usage: BriefBot.Bench [--squad DIR] [--full] [--out DIR] [--only inprocess|e2e] [--conversations N,N…]  |  BriefBot.Bench --replot DIR  |  BriefBot.Bench --documents DIR  |  BriefBot.Bench --fuzz [--count N] [--seconds S] [--seed N] [--fixtures DIR] [--out DIR]";

    /// <summary>The end-to-end phases' numbers of concurrent conversations, unless <c>--conversations</c> names others.</summary>
    public static readonly int[] AllConversations = [1, 8, 32, 128];
    private const int MaxConversations = 1_024;

    /// <summary>Synthetic corpus sizes: the quick run stops at 100k passages, --full adds 1M.</summary>
    public int[] SyntheticSizes => Full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];

    public int Questions => Full ? 5_000 : 500;

    public TimeSpan PhaseDuration => TimeSpan.FromSeconds(Full ? 15 : 1);

    /// <summary>
    /// Unmeasured load on each channel's floor and product routes before its phases, and questions asked of the host's
    /// answerer before any channel is played: long enough in a full run for tiered compilation to have optimised the
    /// hot code, as in a server that has been up for a while.
    /// </summary>
    public TimeSpan WarmUpDuration => TimeSpan.FromSeconds(Full ? 5 : 3);

    /// <summary>Unmeasured load at a phase's own N just before it is measured.</summary>
    public TimeSpan SettleDuration => TimeSpan.FromSeconds(Full ? 2 : 0.2);

    public int MaxTurnsPerPhase => Full ? 50_000 : 5_000;

    public bool InProcess => Only is null or "inprocess";

    public bool EndToEnd => Only is null or "e2e";

    public static BenchOptions? Parse(string[] args)
    {
        string? squad = null, only = null;
        int[] conversations = AllConversations;
        string output = Path.Combine(Path.GetTempPath(), "briefbot-bench");
        bool full = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--squad" when i + 1 < args.Length:
                    squad = Path.GetFullPath(args[++i]);
                    break;
                case "--out" when i + 1 < args.Length:
                    output = Path.GetFullPath(args[++i]);
                    break;
                case "--only" when i + 1 < args.Length && args[i + 1] is "inprocess" or "e2e":
                    only = args[++i];
                    break;
                case "--conversations" when i + 1 < args.Length && ParseCounts(args[++i]) is { } counts:
                    conversations = counts;
                    break;
                case "--full":
                    full = true;
                    break;
                default:
                    return null;
            }
        }

        if (squad is not null && !File.Exists(Path.Combine(squad, "dev.jsonl")))
        {
            Console.Error.WriteLine($"--squad: {squad} has no dev.jsonl (expected corpus/ and dev.jsonl)");
            return null;
        }

        return new BenchOptions(squad, full, output, only, conversations);
    }

    /// <summary>"32" or "8,32": each between 1 and <see cref="MaxConversations"/>; null otherwise.</summary>
    private static int[]? ParseCounts(string list)
    {
        var counts = new List<int>();
        foreach (string part in list.Split(','))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n is < 1 or > MaxConversations)
            {
                return null;
            }

            counts.Add(n);
        }

        return [.. counts];
    }
}
