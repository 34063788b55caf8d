using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BriefBot.Hosting;

/// <summary>
/// The one way JSON from outside is read: well-formed, at most <see cref="MaxDepth"/> deep, no property twice in an
/// object, no escaped lone surrogate, then deserialized with <see cref="Strict"/> options (required constructor
/// parameters present, non-nullable members and list elements not null). Anything else is a sentence, never an
/// exception.
/// </summary>
internal static class JsonPayload
{
    public const int MaxDepth = 32;

    /// <summary><paramref name="options"/> made strict for reading outside input.</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        var strict = new JsonSerializerOptions(options)
        {
            MaxDepth = MaxDepth,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        strict.Converters.Add(new NonNullListConverterFactory());
        strict.MakeReadOnly(populateMissingResolver: true);
        return strict;
    }

    /// <summary>The value, or why the bytes are not one; never throws for bad input.</summary>
    public static (T? Value, string? Problem) Read<T>(ReadOnlySpan<byte> utf8, JsonSerializerOptions strict, string what) where T : class
    {
        if (Check(utf8) is { } problem)
        {
            return (null, $"{what} {problem}.");
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(utf8, strict);
            return value is null ? (null, $"{what} is null.") : (value, null);
        }
        catch (JsonException e)
        {
            return (null, e.Path is { Length: > 1 } path ? $"{what} does not fit its schema at {path}." : $"{what} does not fit its schema.");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            return (null, $"{what} cannot be read.");
        }
    }

    /// <summary>A JSON body of <paramref name="mediaType"/> within <paramref name="maxBytes"/>: 415, 413 or 400 problem details otherwise.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonSerializerOptions strict, int maxBytes, string what, CancellationToken cancellationToken) where T : class
    {
        if (RequestBody.RequireMediaType(request, RequestBody.Json) is { } unsupported)
        {
            return (null, unsupported);
        }

        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return (null, body.Problem);
        }

        var (value, problem) = Read<T>(body.Bytes, strict, what);
        return problem is null ? (value, null) : (null, RequestBody.Problem(StatusCodes.Status400BadRequest, problem));
    }

    // One pass over the tokens: syntax, depth, duplicate property names and escapes that decode to no character.
    private static string? Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName when !names.Peek()!.Add(reader.GetString()!):
                        return "names a property twice in one object";
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= MaxDepth ? $"is nested deeper than {MaxDepth} levels" : "is not valid JSON";
        }
        catch (InvalidOperationException)
        {
            return "holds an escape that is not a character (a lone surrogate)";
        }

        return null;
    }
}
