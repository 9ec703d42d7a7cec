using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api.Http;

/// <summary>
/// The one mapping from results to HTTP responses, successes and errors alike: status code, envelope, headers
/// (<c>ETag</c>, <c>Idempotent-Replayed</c>, <c>WWW-Authenticate</c>).
/// </summary>
public static class ApiResponses
{
    public static int StatusCodeOf(string code) => code switch
    {
        Errors.InvalidDataAppApiKeyCode => StatusCodes.Status401Unauthorized,
        Errors.InsufficientTokenScopeCode => StatusCodes.Status403Forbidden,
        HostErrors.NotFoundCode => StatusCodes.Status404NotFound,
        HostErrors.MethodNotAllowedCode => StatusCodes.Status405MethodNotAllowed,
        Errors.WorkspaceVersionMismatchCode => StatusCodes.Status412PreconditionFailed,
        Errors.ChangeFeedCursorExpiredCode => StatusCodes.Status410Gone,
        Errors.TooManyRequestsCode => StatusCodes.Status429TooManyRequests,
        Errors.IdempotencyKeyReusedCode => StatusCodes.Status422UnprocessableEntity,
        Errors.IdempotencyKeyInUseCode => StatusCodes.Status409Conflict,
        Errors.InternalServerErrorCode => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IActionResult ToResponse<T>(this Result<T> result)
    {
        var answer = result.IsSuccess ? new SuccessEnvelopeResult<T>(result.Value) : result.Error.ToResponse();
        return result.IsReplayed ? new ReplayedResult(answer) : answer;
    }

    /// <summary>The number of items that match, over every page, on an answer that is a page (<see cref="ICounted"/>).</summary>
    public const string TotalCountHeader = "X-Total-Count";

    /// <summary>Marks the remembered answer of an earlier request with the same Idempotency-Key (docs/api.md, "Retry-safe writes: Idempotency-Key").</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IActionResult ToResponse(this Error error) => new ErrorEnvelopeResult(error);

    public static Envelope<object> EnvelopeOf(Error error) => new(null, error);

    /// <summary>For answers written outside MVC (exception handler, unmatched routes).</summary>
    public static Task WriteAsync(HttpContext context, Error error)
    {
        context.Response.StatusCode = StatusCodeOf(error.Code);
        AddHeaders(context.Response, error);
        return context.Response.WriteAsJsonAsync(EnvelopeOf(error), ApiJson.Options, ApiJson.ContentType, context.RequestAborted);
    }

    /// <summary><c>WWW-Authenticate</c> with a 401; <c>Retry-After</c> with a 429.</summary>
    private static void AddHeaders(HttpResponse response, Error error)
    {
        if (error.Code == Errors.InvalidDataAppApiKeyCode)
        {
            response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        if (error.RetryAfterSeconds is { } seconds)
        {
            response.Headers[HeaderNames.RetryAfter] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private sealed class SuccessEnvelopeResult<T>(T value) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            if (value is IVersioned { EntityTag: { } tag })
            {
                // An answer that carries one workspace carries its version's strong entity tag.
                response.Headers.ETag = $"\"{tag}\"";
            }

            if (value is ICounted { TotalCount: { } total })
            {
                response.Headers[TotalCountHeader] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return response.WriteAsJsonAsync(new Envelope<T>(value, null), ApiJson.Options, ApiJson.ContentType, context.HttpContext.RequestAborted);
        }
    }

    private sealed class ReplayedResult(IActionResult answer) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers[ReplayedHeader] = "true";
            return answer.ExecuteResultAsync(context);
        }
    }

    private sealed class ErrorEnvelopeResult(Error error) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext, error);
    }
}
