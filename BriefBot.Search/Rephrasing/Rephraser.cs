using System.ClientModel;
using System.Diagnostics;
using OpenAI.Chat;

namespace BriefBot.Search.Rephrasing;

/// <summary>
/// The optional LLM step: asks Azure OpenAI or an OpenAI-compatible server for a short plain-language answer that
/// cites the passages by number and keeps the key quote verbatim, checks the reply, and falls back to the extractive
/// answer on any doubt, error or timeout. Thread-safe; create one and share it.
/// </summary>
/// <example>
/// <code>
/// var rephraser = Rephraser.Create(new RephrasingOptions { Endpoint = new("http://127.0.0.1:11434/v1"), Model = "llama3.2", ApiKey = "ollama" });
/// var result = await rephraser.RephraseAsync(knowledge.Ask("When is the office closed?"));
/// string shown = result.Text ?? result.Answer.Quote!;
/// </code>
/// </example>
public sealed class Rephraser : IRephraser
{
    private const float Temperature = 0.2f;
    private readonly RephrasingOptions _options;
    private readonly ChatClient _chat;

    private Rephraser(RephrasingOptions options, ChatClient chat)
    {
        _options = options;
        _chat = chat;
    }

    /// <summary>Validates <paramref name="options"/> and builds the client; no request is made yet.</summary>
    public static Rephraser Create(RephrasingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new Rephraser(options, ChatClients.Create(options));
    }

    /// <inheritdoc />
    public async Task<RephrasedAnswer> RephraseAsync(Answer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!answer.IsAnswered || answer.Citation is null || answer.Quote is null)
        {
            return RephrasedAnswer.Extractive(answer, RephraseOutcome.NotAnswered);
        }

        var prompt = RephrasePrompt.Build(answer, _options);
        var clock = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.Timeout);
        (RephraseOutcome Outcome, string? Detail) verdict;
        string text = "";
        try
        {
            ChatMessage[] messages = [new SystemChatMessage(prompt.System), new UserChatMessage(prompt.User)];
            var completion = (await _chat.CompleteChatAsync(messages, CompletionOptions(), budget.Token)).Value;
            text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)).Trim();
            verdict = completion.FinishReason == ChatFinishReason.Length
                ? (RephraseOutcome.TooLong, "cut off at the token limit")
                : GroundingCheck.Check(text, prompt.PassageTexts, answer.Question, _options.MaxAnswerLength);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            verdict = (RephraseOutcome.TimedOut, $"no reply within {_options.Timeout.TotalSeconds:0.###} s");
        }
        catch (ClientResultException ex) when (ex.Status > 0)
        {
            verdict = (RephraseOutcome.ServiceError, $"HTTP {ex.Status}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            verdict = (RephraseOutcome.Failed, ex.GetType().Name);
        }

        return verdict.Outcome == RephraseOutcome.Rephrased
            ? new RephrasedAnswer(answer, RephraseOutcome.Rephrased, text, prompt.Sources, null, clock.Elapsed)
            : RephrasedAnswer.Extractive(answer, verdict.Outcome, verdict.Detail, clock.Elapsed, prompt.Sources);
    }

    private ChatCompletionOptions CompletionOptions() => new()
    {
        Temperature = Temperature,
        MaxOutputTokenCount = Math.Max(64, _options.MaxAnswerLength / 2),
    };
}
