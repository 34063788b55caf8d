using System.Diagnostics;

namespace BriefBot.Tests.BotFramework;

/// <summary>A fact that needs node on the PATH; without it the test is skipped and says why.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!NodeIsInstalled.Value)
        {
            Skip = "node is not installed: the Teams manifest validator (@microsoft/app-manifest) runs on node.";
        }
    }

    private static readonly Lazy<bool> NodeIsInstalled = new(() =>
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            node!.WaitForExit(10_000);
            return node.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });
}
