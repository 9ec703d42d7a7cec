using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using MediatR;

namespace Databrain.Application.Common.Behaviors;

/// <summary>
/// For <see cref="IOrganizationScoped"/> requests, first after telemetry: the bearer token becomes the caller (its
/// organization, id, label and scope), or the request ends with INVALID_DATA_APP_API_KEY; every way of failing
/// (no token, unknown, revoked, expired) gives the same error, and is counted against the client's address
/// (<see cref="IAuthenticationFailures"/>: past its limit, TOO_MANY_REQUESTS). Then a <see cref="IWriteRequest"/> with a read-only
/// token ends with INSUFFICIENT_TOKEN_SCOPE, before anything else (an Idempotency-Key included) is looked at.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(CallerContext caller, IAuthenticationFailures failures, TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IOrganizationScoped
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var token = await caller.FindTokenAsync(cancellationToken);
        if (token is null || token.HasExpiredAt(time.GetUtcNow()))
        {
            // Counted where every instance sees it; past the limit of the client's address, 429 instead.
            return TResponse.Failure(await failures.RecordAsync(cancellationToken) is { } retryAfter
                ? Errors.TooManyRequests(retryAfter)
                : Errors.InvalidDataAppApiKey);
        }

        caller.Authenticate(token);
        return request is IWriteRequest && token.Scope == TokenScope.Read
            ? TResponse.Failure(Errors.InsufficientTokenScope)
            : await next();
    }
}
