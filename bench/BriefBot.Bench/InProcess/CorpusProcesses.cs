using System.Diagnostics;
using System.Text.Json;

namespace BriefBot.Bench.InProcess;

/// <summary>
/// Runs each corpus in a child process of this program, so that each peak working set is that corpus's alone:
/// the parent starts <c>--corpus SPEC-JSON --work DIR</c>, the child prints one result line.
/// </summary>
internal static class CorpusProcesses
{
    public const string ChildFlag = "--corpus";
    private const string ResultPrefix = "RESULT ";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    public static async Task<CorpusResult> RunAsync(CorpusSpec spec, string workRoot)
    {
        string work = Path.Combine(workRoot, spec.Name);
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CorpusProcesses).Assembly.Location);
        }

        foreach (string arg in new[] { ChildFlag, JsonSerializer.Serialize(spec, Json), "--work", work })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The corpus process did not start.");
        string output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        string? line = output.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {spec.Name} corpus run failed (exit code {child.ExitCode}): {output}");
        }

        return JsonSerializer.Deserialize<CorpusResult>(line[ResultPrefix.Length..], Json)!;
    }

    /// <summary>The child's side: measure, print the result line, delete the work folder.</summary>
    public static int RunChild(string specJson, string work)
    {
        var spec = JsonSerializer.Deserialize<CorpusSpec>(specJson, Json)!;
        try
        {
            Directory.CreateDirectory(work);
            var result = CorpusRun.Measure(spec, work);
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
