using System.Reflection;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Security;

namespace Databrain.Application.Common.Results;

/// <summary>Every error code a request can be answered with: the one list for the API reference and its OpenAPI document.</summary>
public static class RequestErrors
{
    /// <summary>
    /// The field rules (every request has a validator); what its markers bring (<see cref="IOrganizationScoped"/>: the
    /// token and the rate limits; <see cref="IWriteRequest"/>: the token's scope; <see cref="IIdempotent"/>: the
    /// Idempotency-Key's answers and bound); what the request declares (<see cref="AnswersAttribute"/>); and the
    /// unexpected failure. In that order, each once.
    /// </summary>
    public static IReadOnlyList<string> Of(Type request)
    {
        var codes = new List<string> { Errors.InvalidRequestBodyCode };
        if (typeof(IOrganizationScoped).IsAssignableFrom(request))
        {
            codes.AddRange([Errors.InvalidDataAppApiKeyCode, Errors.TooManyRequestsCode]);
        }

        if (typeof(IWriteRequest).IsAssignableFrom(request))
        {
            codes.Add(Errors.InsufficientTokenScopeCode);
        }

        if (typeof(IIdempotent).IsAssignableFrom(request))
        {
            codes.AddRange([Errors.IdempotencyKeyReusedCode, Errors.IdempotencyKeyInUseCode]);
        }

        codes.AddRange(request.GetCustomAttribute<AnswersAttribute>()?.Codes ?? []);
        codes.Add(Errors.InternalServerErrorCode);
        return codes.Distinct().ToArray();
    }
}
