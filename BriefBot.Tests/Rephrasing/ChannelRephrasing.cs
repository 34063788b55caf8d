using BriefBot.Search.Rephrasing;
using Microsoft.AspNetCore.Http;

namespace BriefBot.Tests.Rephrasing;

/// <summary>The question, the model's scripted replies and the settings shared by the Teams and Slack rephrasing tests.</summary>
public static class ChannelRephrasing
{
    public const string Question = "What did Xi pledge to send to Ukraine?";
    public const string QuoteFragment = "special representatives";
    public const string CitationTitle = "000 6fc04832441e38c0";

    /// <summary>A reply that passes the grounding check: its quotation is verbatim in passage [1].</summary>
    public const string Grounded = "Xi promised envoys: \"Xi pledged to send special representatives to Ukraine\" [1].";

    /// <summary>A reply whose quotation is not in the passage it cites.</summary>
    public const string Invented = "Xi promised troops: \"Xi pledged to send troops to Ukraine\" [1].";

    /// <summary>The model's budget in the channel tests: long enough for a loaded machine, short enough to wait out once.</summary>
    public const string TimeoutSeconds = "3";

    /// <summary>The settings that turn rephrasing on against <paramref name="server"/> (OpenAI-compatible mode, no retries).</summary>
    public static Dictionary<string, string?> Settings(FakeOpenAI server) => new()
    {
        ["OpenAI:Endpoint"] = server.V1.ToString(),
        ["OpenAI:Model"] = "briefbot-channels",
        ["OpenAI:ApiKey"] = "test-key-channels",
        ["OpenAI:TimeoutSeconds"] = TimeoutSeconds,
        ["OpenAI:MaxRetries"] = "0",
    };

    /// <summary>The fallback cases: a script for the model and the reason the host logs.</summary>
    public static Func<CapturedRequest, HttpContext, Task> Script(string name) => name switch
    {
        "invented quote" => FakeOpenAI.Completion(Invented),
        "HTTP 500" => FakeOpenAI.Status(StatusCodes.Status500InternalServerError),
        "after the timeout" => FakeOpenAI.After(TimeSpan.FromSeconds(30), FakeOpenAI.Completion(Grounded)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such script."),
    };

    public static TheoryData<string, RephraseOutcome> Fallbacks => new()
    {
        { "invented quote", RephraseOutcome.QuoteNotInSource },
        { "HTTP 500", RephraseOutcome.ServiceError },
        { "after the timeout", RephraseOutcome.TimedOut },
    };
}
