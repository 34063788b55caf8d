using System.Text.Json;
using BriefBot.Hosting;
using BriefBot.Rephrasing;
using BriefBot.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BriefBot.Answers;

/// <summary>The request body of <c>POST /api/ask</c>; <c>"rephrase": true</c> asks for the optional LLM rephrasing too.</summary>
internal sealed record AskRequest(string? Question = null, bool Rephrase = false);

/// <summary><c>POST /api/ask</c>: a question in, the answer (quote and citation, or "not found") out, as JSON.</summary>
internal static class AskApi
{
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", Ask).WithName("Ask");
        return app;
    }

    /// <summary>A question is a few KB at most; the body limit leaves room for escapes.</summary>
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Json = JsonPayload.Strict(JsonSerializerOptions.Web);

    private static async Task<Results<Ok<Answer>, Ok<RephrasedAskResponse>, ValidationProblem, ProblemHttpResult>> Ask(
        HttpRequest http, Knowledge knowledge, IOptions<SearchOptions> options, RephrasingService rephrasing, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonPayload.ReadAsync<AskRequest>(http, Json, MaxBodyBytes, "The body", cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        string? question = request.Question;
        if (string.IsNullOrWhiteSpace(question))
        {
            return Problem("question", "Ask a question: the field 'question' is empty.");
        }

        int limit = options.Value.MaxQuestionLength;
        if (question.Length > limit)
        {
            return Problem("question", $"The question has {question.Length} characters; the limit is {limit}.");
        }

        var answer = knowledge.Ask(question);
        if (!request.Rephrase)
        {
            return TypedResults.Ok(answer);
        }

        return TypedResults.Ok(RephrasedAskResponse.From(await rephrasing.RephraseAsync(answer, cancellationToken)));
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The question cannot be answered as sent.");
}
