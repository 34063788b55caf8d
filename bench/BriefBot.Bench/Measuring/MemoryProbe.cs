using System.Diagnostics;

namespace BriefBot.Bench.Measuring;

/// <summary>What the process used at its peak: working set (the OS view) and the largest managed heap seen.</summary>
internal sealed record MemoryPeak(long WorkingSetBytes, long ManagedHeapBytes);

/// <summary>
/// Samples the managed heap every 50 ms while a run is under way; the working-set peak comes from the OS
/// (<see cref="Process.PeakWorkingSet64"/>), which is why every corpus runs in a process of its own.
/// </summary>
internal sealed class MemoryProbe : IDisposable
{
    private readonly Timer _timer;
    private long _managedPeak;

    public MemoryProbe() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

    public MemoryPeak Peak()
    {
        Sample();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemoryPeak(process.PeakWorkingSet64, Interlocked.Read(ref _managedPeak));
    }

    private void Sample()
    {
        long heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        long total = Math.Max(heap, GC.GetTotalMemory(false));
        long seen;
        do
        {
            seen = Interlocked.Read(ref _managedPeak);
        }
        while (total > seen && Interlocked.CompareExchange(ref _managedPeak, total, seen) != seen);
    }

    public void Dispose() => _timer.Dispose();
}
