#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
// A stand-in OpenAI-compatible server for measuring BriefBot's rephrasing path on loopback (see docs/rephrasing.md).
// It answers every chat completion at once with a grounded reply built from the key quote in BriefBot's prompt.
// Run: dotnet run scripts/fake-openai.cs -- --urls http://127.0.0.1:5055
using System.Text.Json;
using System.Text.RegularExpressions;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var keyQuote = new Regex("The key quote, from passage \\[1\\]: \u201C(?<quote>.*)\u201D", RegexOptions.Singleline);

async Task<IResult> Complete(HttpContext context)
{
    using var body = await JsonDocument.ParseAsync(context.Request.Body);
    string user = body.RootElement.GetProperty("messages").EnumerateArray()
        .Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString() ?? "";
    string quote = keyQuote.Match(user).Groups["quote"].Value.Trim('\u2026', ' ');
    return Results.Json(new
    {
        id = "chatcmpl-bench",
        @object = "chat.completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model = body.RootElement.GetProperty("model").GetString(),
        choices = new[] { new { index = 0, message = new { role = "assistant", content = $"In short: \"{quote}\" [1]" }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
    });
}

app.MapPost("/v1/chat/completions", (Delegate)Complete);
app.MapPost("/openai/deployments/{deployment}/chat/completions", (Delegate)Complete);
app.Run();
