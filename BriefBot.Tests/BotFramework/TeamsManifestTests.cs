using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BriefBot.Tests.BotFramework;

/// <summary>The Teams app package in manifest/, checked with Microsoft's offline validator (@microsoft/app-manifest).</summary>
public sealed class TeamsManifestTests : IDisposable
{
    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly TempFolder _folder = new();

    private static string ManifestFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BriefBot.sln")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("BriefBot.sln not found above the tests"), "manifest");
        }
    }

    [NodeFact]
    public async Task TheCommittedManifestPassesTheValidator()
    {
        var (exitCode, output) = await ValidateAsync(Path.Combine(ManifestFolder, "manifest.json"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("valid Teams manifest 1.25", output);
    }

    [NodeFact]
    public async Task ABrokenCopyFailsTheValidatorWithEachProblemNamed()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!.AsObject();
        manifest.Remove("accentColor");
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "team", "groupchat");
        File.WriteAllText(_folder.Combine("manifest.json"), manifest.ToJsonString());
        File.Copy(Path.Combine(ManifestFolder, "color.png"), _folder.Combine("color.png"));
        File.Copy(Path.Combine(ManifestFolder, "color.png"), _folder.Combine("outline.png"));

        var (exitCode, output) = await ValidateAsync(_folder.Combine("manifest.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("must have required property 'accentColor'", output);
        Assert.Contains("/bots/0/scopes/2 must be equal to one of the allowed values", output);
        Assert.Contains("icon outline.png is 192x192, not 32x32", output);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string manifestPath)
    {
        string validator = Path.Combine(ManifestFolder, "validate");
        await Install.WaitAsync();
        try
        {
            // .ci/run installs the validator first; a plain `dotnet test` installs it here.
            if (!Directory.Exists(Path.Combine(validator, "node_modules", "@microsoft", "app-manifest")))
            {
                var (code, output) = await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", validator);
                Assert.True(code == 0, "npm ci in manifest/validate failed: " + output);
            }
        }
        finally
        {
            Install.Release();
        }

        return await RunAsync("node", $"validate.js \"{manifestPath}\"", validator);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
