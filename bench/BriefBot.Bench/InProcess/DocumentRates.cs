using System.Diagnostics;
using System.Globalization;
using BriefBot.Bench.Measuring;
using BriefBot.Search.Documents;

namespace BriefBot.Bench.InProcess;

/// <summary>
/// <c>--documents DIR</c>: reads and splits every file below a folder as a refresh does (no index is written), and
/// reports per format how many files, pages (PDF), slides and passages a second it gets through, with the peak
/// memory of the whole run.
/// </summary>
internal static class DocumentRates
{
    private sealed class Tally
    {
        public int Files;
        public int Skipped;
        public int Passages;
        public int Units;
        public TimeSpan Elapsed;
    }

    public static int Run(string folder)
    {
        var limits = new ArchiveLimits(200 * 1024 * 1024, 10_000, 100, 2);
        var splitter = new PassageSplitter();
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        using var probe = new MemoryProbe();
        var total = Stopwatch.StartNew();
        foreach (var file in FolderSource.List(folder))
        {
            var clock = Stopwatch.StartNew();
            foreach (var item in FolderSource.Items(file, 20 * 1024 * 1024, limits))
            {
                var tally = Of(tallies, DocumentFormats.NameOf(item.RelativePath));
                if (item.Input is not { } input || DocumentFormats.Read(input, limits).Document is not { } document)
                {
                    tally.Skipped++;
                    continue;
                }

                tally.Files++;
                tally.Passages += splitter.Split(document).Count;
                tally.Units += document.Blocks.Select(b => b.Location.LastPage ?? b.Location.Page ?? b.Location.Slide ?? 0).DefaultIfEmpty(0).Max();
            }

            var elapsedTally = Of(tallies, DocumentFormats.NameOf(file.RelativePath));
            elapsedTally.Elapsed += clock.Elapsed;
        }

        var peak = probe.Peak();
        Console.WriteLine("| format | files | skipped | pages or slides | passages | seconds | files/s | pages/s | passages/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (format, t) in tallies)
        {
            double s = Math.Max(1e-6, t.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {format} | {t.Files} | {t.Skipped} | {(t.Units > 0 ? t.Units.ToString(CultureInfo.InvariantCulture) : "")} | {t.Passages} | {s:F2} | {t.Files / s:F1} | {(t.Units > 0 ? (t.Units / s).ToString("F1", CultureInfo.InvariantCulture) : "")} | {t.Passages / s:F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Total {total.Elapsed.TotalSeconds:F1} s; peak working set {peak.WorkingSetBytes / 1048576.0:F0} MB, peak managed heap {peak.ManagedHeapBytes / 1048576.0:F0} MB."));
        return 0;
    }

    private static Tally Of(SortedDictionary<string, Tally> tallies, string format)
    {
        if (!tallies.TryGetValue(format, out var tally))
        {
            tallies[format] = tally = new Tally();
        }

        return tally;
    }
}
