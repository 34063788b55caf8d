using System.Diagnostics;
using System.Text.RegularExpressions;
using BriefBot.Tests.Fakes;

namespace BriefBot.Tests.Host;

/// <summary>
/// The real BriefBot executable as a process of its own (<c>dotnet BriefBot.dll</c>, beside the test assembly), for
/// what an in-process host cannot show: a <c>kill -9</c>, an exit code, the console. Settings go as command-line
/// switches; its output is kept line by line.
/// </summary>
public sealed partial class BriefBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Recording<string> _lines = new();
    private bool _disposed;

    private BriefBotProcess(Process process) => _process = process;

    /// <summary>Where it listens, once <see cref="StartServingAsync"/> has seen it say so.</summary>
    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<string> Lines => _lines.Items;

    public string Output => string.Join('\n', Lines);

    /// <summary>Starts <c>BriefBot</c> with <paramref name="args"/> then the settings as <c>--Key=value</c> switches.</summary>
    /// <param name="environment">The ASP.NET Core environment (which <c>appsettings.{environment}.json</c> is read).</param>
    public static BriefBotProcess Start(
        IReadOnlyList<string> args, IDictionary<string, string?>? settings = null, string? workingDirectory = null, string environment = "Production")
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["DOTNET_NOLOGO"] = "1" },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BriefBot.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = new Process { StartInfo = start };
        var running = new BriefBotProcess(process);
        process.OutputDataReceived += (_, e) => running.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => running.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Starts <c>serve</c> on a free loopback port and waits until /healthz says the index is ready.</summary>
    /// <param name="settings">Switches; <c>Urls</c> is 127.0.0.1 on a free port unless <paramref name="settings"/> is null (then the settings files say).</param>
    public static async Task<BriefBotProcess> StartServingAsync(
        IDictionary<string, string?>? settings, string? workingDirectory = null, string environment = "Production")
    {
        var all = settings is null ? null : new Dictionary<string, string?>(settings) { ["Urls"] = "http://127.0.0.1:0" };
        var running = Start(["serve"], all, workingDirectory, environment);
        try
        {
            string line = await running._lines.WaitForAsync(l => Listening().IsMatch(l), TimeSpan.FromSeconds(60),
                seen => "BriefBot did not start listening: " + string.Join('\n', seen));
            running.Url = new Uri(Listening().Match(line).Groups[1].Value);
            using var http = new HttpClient { BaseAddress = running.Url };
            for (int i = 0; i < 600 && !(await http.GetStringAsync("/healthz")).Contains("\"index\":\"ready\"", StringComparison.Ordinal); i++)
            {
                await Task.Delay(50);
            }

            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary><c>kill -9</c>: SIGKILL, no shutdown of any kind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Add(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
