using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace BriefBot.Hosting;

/// <summary>A request body read whole within its limit, or the problem to answer instead.</summary>
internal sealed record BodyRead(byte[]? Bytes, ProblemHttpResult? Problem);

/// <summary>
/// The one way request bodies are read: the declared media type (415 otherwise), at most a route's limit of bytes
/// (413, whatever the body holds), and UTF-8 throughout (400). Every refusal is problem details.
/// </summary>
internal static class RequestBody
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";

    /// <summary>415 unless the request says it is <paramref name="mediaType"/>, in UTF-8 or without a charset.</summary>
    public static ProblemHttpResult? RequireMediaType(HttpRequest request, string mediaType)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)
            && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return Problem(StatusCodes.Status415UnsupportedMediaType, $"Send {mediaType} in UTF-8 (charset=utf-8 or no charset).");
    }

    /// <summary>The whole body, at most <paramref name="maxBytes"/> bytes of UTF-8.</summary>
    public static async Task<BodyRead> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return TooLarge(maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (the body over the server's maximum, a broken chunked encoding).
            return new BodyRead(null, Problem(e.StatusCode, "The body could not be read within the server's limits."));
        }

        byte[] bytes = buffer.ToArray();
        return Utf8.IsValid(bytes)
            ? new BodyRead(bytes, null)
            : new BodyRead(null, Problem(StatusCodes.Status400BadRequest, "The body is not valid UTF-8."));
    }

    public static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status, title: status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The content type is not supported.",
        _ => "The request cannot be read.",
    });

    private static BodyRead TooLarge(int maxBytes) =>
        new(null, Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes / 1024} KB."));
}
