using System.Net.Http.Json;
using System.Text.Json;
using BriefBot.Tests.Host;
using Xunit.Abstractions;

namespace BriefBot.Tests.Playground;

/// <summary>The playground end to end: the real host on Kestrel, Web Chat from npm, Debian's Chromium.</summary>
public sealed class PlaygroundBrowserTests(ITestOutputHelper output)
{
    private const string Question = "What did Xi pledge to send to Ukraine?";
    private const string SendBox = "document.querySelector('[data-id=\"webchat-sendbox-input\"]')";
    private const string CardText = "[...document.querySelectorAll('#webchat .ac-adaptiveCard')].map(c => c.innerText).join('\\n')";

    /// <summary>Where the last run's screenshot is saved; the README's docs/playground.png is a copy of one.</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "screenshots", "playground.png");

    [ChromiumFact]
    public async Task AQuestionTypedInWebChatIsAnsweredWithTheQuoteAndCitationInAnAdaptiveCard()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "playground", "webchat.js")),
            "Web Chat was not built into the output: the build runs npm ci in BriefBot/Channels/Playground/webchat.");
        using var host = new BriefBotHost(new Dictionary<string, string?> { ["Playground:Enabled"] = "true" });
        using var client = await host.StartAsync();
        var expected = await client.PostAsJsonAsync("/api/ask", new { question = Question });
        string title = (await expected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("citation").GetProperty("title").GetString()!;

        await using var chromium = await Chromium.LaunchAsync();
        await chromium.OpenAsync(client.BaseAddress!.ToString());
        await chromium.WaitUntilAsync(SendBox, "Web Chat's send box");
        await chromium.EvaluateAsync($"{SendBox}.focus()");
        await chromium.TypeAndEnterAsync(Question);
        await chromium.WaitUntilAsync($"{CardText}.includes('special representatives')", "an Adaptive Card with the quote");

        string card = (await chromium.EvaluateAsync(CardText))!.GetValue<string>();
        string transcript = (await chromium.EvaluateAsync("document.querySelector('#webchat').innerText"))!.GetValue<string>();
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await File.WriteAllBytesAsync(ScreenshotPath, await chromium.ScreenshotAsync());
        output.WriteLine($"Screenshot: {ScreenshotPath}");

        Assert.Contains(Question, transcript);
        Assert.Contains("Xi pledged to send special representatives to Ukraine", card);
        Assert.Contains($"— {title}", card);
        Assert.Contains("Helpful", card);
    }
}
