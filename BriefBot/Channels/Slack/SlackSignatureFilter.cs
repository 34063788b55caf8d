using System.Text;
using BriefBot.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace BriefBot.Channels.Slack;

/// <summary>
/// Reads the raw body of a request to a Slack route and lets it through only when Slack's signature over exactly
/// those bytes is valid; everything else gets 401 before anything is parsed. The body is read the one way every body is
/// (<see cref="RequestBody"/>): over the limit 413, not UTF-8 400.
/// </summary>
internal sealed class SlackSignatureFilter(SlackSignatureVerifier verifier, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    /// <summary>Slack's events, commands and interactions are small; anything over the server's limit is refused with 413.</summary>
    public const int MaxBodyBytes = (int)HostingExtensions.MaxRequestBodyBytes;
    private static readonly object BodyKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var read = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (read.Problem is not null)
        {
            // Too large (signed or not) or not UTF-8: refused before anything is parsed.
            return read.Problem;
        }

        byte[] body = read.Bytes!;

        if (IsSslCheck(http.Request, body))
        {
            return TypedResults.Ok();
        }

        var check = verifier.Check(
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader],
            body);
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Refused a request to {Path}: the Slack signature check said {Reason}", http.Request.Path.Value, check);
            return TypedResults.Unauthorized();
        }

        http.Items[BodyKey] = body;
        return await next(context);
    }

    /// <summary>
    /// Slack's unsigned certificate probe of a slash-command URL (<c>ssl_check=1</c>): answered with an empty 200 and
    /// never dispatched.
    /// </summary>
    private static bool IsSslCheck(HttpRequest request, byte[] body) =>
        !request.Headers.ContainsKey(SlackSignatureVerifier.SignatureHeader)
        && request.HasFormContentType
        && QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).TryGetValue("ssl_check", out var value) && value == "1";

    /// <summary>The body whose signature the filter checked.</summary>
    public static byte[] VerifiedBody(HttpContext http) =>
        http.Items[BodyKey] as byte[] ?? throw new InvalidOperationException("The Slack signature filter did not run for this route.");
}
