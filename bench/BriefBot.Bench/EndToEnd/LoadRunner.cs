using BriefBot.Bench.Measuring;

namespace BriefBot.Bench.EndToEnd;

/// <summary>How long and how much each load phase may run.</summary>
internal sealed record LoadLimits(TimeSpan Duration, int MaxTurns, TimeSpan ReplyTimeout);

/// <summary>One phase: N conversations against one target (BriefBot or the floor) of one channel.</summary>
/// <param name="Paced">Each conversation keeps one channel, so the channel's pacing (Slack: one post per second per channel) applies.</param>
/// <param name="CpuSeconds">The bench process's processor time over the phase: host, fakes and load generator together.</param>
/// <param name="AllocatedBytes">Managed memory allocated in the process over the phase, by every thread.</param>
/// <param name="GcPauseSeconds">Time the process's threads stood paused for garbage collections over the phase.</param>
internal sealed record LoadResult(
    string Channel, string Target, int Conversations, bool Paced, double Seconds, Percentiles Latency, int Errors, int Lost, long Unexpected,
    double CpuSeconds, long AllocatedBytes, double GcPauseSeconds)
{
    public double Throughput => Latency.Count / Seconds;

    /// <summary>Processor time per reply, all parties in the process included: unlike throughput, hardly moved by other work on the machine.</summary>
    public double CpuMillisecondsPerReply => Latency.Count == 0 ? double.NaN : CpuSeconds * 1000 / Latency.Count;

    public double AllocatedKilobytesPerReply => Latency.Count == 0 ? double.NaN : AllocatedBytes / 1024.0 / Latency.Count;
}

/// <summary>
/// Plays N concurrent conversations, each sending a question, waiting for its reply at the fake channel API, then
/// sending the next; stops by itself after <see cref="LoadLimits.Duration"/> or <see cref="LoadLimits.MaxTurns"/>
/// turns, whichever comes first. Latency is from just before the POST to the reply's arrival.
/// </summary>
internal sealed class LoadRunner(HttpClient client, IReadOnlyList<string> questions)
{
    private int _phase;

    public async Task<LoadResult> RunAsync(IChannelScenario scenario, string target, string route, int conversations, bool paced, LoadLimits limits)
    {
        int phase = Interlocked.Increment(ref _phase);
        int turns = 0, errors = 0, lost = 0;
        var latencies = new List<double>();
        long unexpectedBefore = scenario.UnexpectedReplies;
        using var stop = new CancellationTokenSource(limits.Duration);
        long began = Clock.Now;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        var pausedBefore = GC.GetTotalPauseDuration();

        async Task ConverseAsync(int conversation)
        {
            for (int t = 0; !stop.IsCancellationRequested; t++)
            {
                int turn = Interlocked.Increment(ref turns);
                if (turn > limits.MaxTurns)
                {
                    return;
                }

                // A fresh channel per turn keeps Slack's per-channel pacing out of the capacity figures.
                string key = paced ? $"CB{phase}P{conversation}" : $"CB{phase}P{conversation}T{t}";
                long start = Clock.Now;
                Turn? sent = null;
                try
                {
                    sent = await scenario.SendAsync(client, route, key, questions[turn % questions.Count], CancellationToken.None);
                    if (sent.Status != StatusCodes.Status200OK)
                    {
                        Interlocked.Increment(ref errors);
                        scenario.Forget(sent);
                        continue;
                    }

                    long arrived = await sent.Reply.WaitAsync(limits.ReplyTimeout);
                    lock (latencies)
                    {
                        latencies.Add(Clock.Milliseconds(start, arrived));
                    }
                }
                catch (TimeoutException) when (sent is not null)
                {
                    Interlocked.Increment(ref lost);
                    scenario.Forget(sent);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, conversations).Select(c => Task.Run(() => ConverseAsync(c))));
        double seconds = Clock.MillisecondsSince(began) / 1000;
        double cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        return new LoadResult(scenario.Name, target, conversations, paced, seconds, Percentiles.Of(latencies), errors, lost,
            scenario.UnexpectedReplies - unexpectedBefore, cpu, GC.GetTotalAllocatedBytes() - allocatedBefore,
            (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds);
    }
}
