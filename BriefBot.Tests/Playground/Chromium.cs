using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriefBot.Tests.Playground;

/// <summary>
/// Headless Debian Chromium with a fresh profile, driven over the DevTools protocol (a WebSocket on 127.0.0.1):
/// one page, JavaScript evaluation, typed text and key presses, screenshots.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly TempFolder _profile = new();
    private Process _process = null!;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _waiting = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;
    private string? _session;

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"Chromium is not installed at {ExecutablePath}: apt-get install -y chromium.", ExecutablePath);
        }

        var chromium = new Chromium();
        var start = new ProcessStartInfo(ExecutablePath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            "--window-size=900,1000", $"--user-data-dir={chromium._profile.Path}", "about:blank"])
        {
            start.ArgumentList.Add(arg);
        }

        chromium._process = Process.Start(start)!;
        chromium._process.ErrorDataReceived += (_, _) => { };
        chromium._process.OutputDataReceived += (_, _) => { };
        chromium._process.BeginErrorReadLine();
        chromium._process.BeginOutputReadLine();
        await chromium.ConnectAsync(chromium._profile.Path);
        return chromium;
    }

    /// <summary>Opens <paramref name="url"/> in a new page that later calls talk to.</summary>
    public async Task OpenAsync(string url)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = url }, browser: true);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browser: true);
        _session = attached["sessionId"]!.GetValue<string>();
    }

    /// <summary>The value of a JavaScript expression in the page (promises awaited).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        return result["result"]?["value"];
    }

    /// <summary>Waits until the expression is true in the page; throws with <paramref name="what"/> when it never is.</summary>
    public async Task WaitUntilAsync(string expression, string what, int seconds = 30)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(seconds); await Task.Delay(100))
        {
            if ((await EvaluateAsync($"!!({expression})"))?.GetValue<bool>() == true)
            {
                return;
            }
        }

        throw new TimeoutException($"The page never showed {what} in {seconds} seconds.");
    }

    /// <summary>Types into the focused element, as an input method would, then presses Enter.</summary>
    public async Task TypeAndEnterAsync(string text)
    {
        await SendAsync("Input.insertText", new JsonObject { ["text"] = text });
        foreach (string type in (string[])["keyDown", "keyUp"])
        {
            var key = new JsonObject { ["type"] = type, ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 13 };
            if (type == "keyDown")
            {
                key["text"] = "\r";
            }

            await SendAsync("Input.dispatchKeyEvent", key);
        }
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    private async Task ConnectAsync(string profile)
    {
        string portFile = Path.Combine(profile, "DevToolsActivePort");
        for (var clock = Stopwatch.StartNew(); !File.Exists(portFile) || new FileInfo(portFile).Length == 0; await Task.Delay(50))
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"Chromium did not open its DevTools port (exited: {_process.HasExited}).");
            }
        }

        string[] lines = (await File.ReadAllTextAsync(portFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None);
        _receiving = ReceiveAsync();
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, bool browser = false)
    {
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        var message = new JsonObject { ["method"] = method, ["params"] = parameters };
        lock (_lock)
        {
            message["id"] = ++_nextId;
            _waiting[_nextId] = done;
        }

        if (!browser)
        {
            message["sessionId"] = _session ?? throw new InvalidOperationException("Open a page first.");
        }

        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var reply = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return reply["error"] is { } error
            ? throw new InvalidOperationException($"DevTools {method} failed: {error.ToJsonString()}")
            : reply["result"] as JsonObject ?? [];
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var part = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id)
                {
                    TaskCompletionSource<JsonObject>? waiting;
                    lock (_lock)
                    {
                        _waiting.Remove(id.GetValue<int>(), out waiting);
                    }

                    waiting?.TrySetResult(json);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing, or Chromium went away; pending calls time out with their own message.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _receiving;
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _profile.Dispose();
        _closing.Dispose();
    }
}
