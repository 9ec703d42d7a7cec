using System.Diagnostics;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Common.Behaviors;

/// <summary>Outermost behavior: a span around every request, tagged with its outcome code (or the exception that ended it).</summary>
public sealed class TelemetryBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = ApplicationTelemetry.Source.StartActivity(typeof(TRequest).Name);
        try
        {
            var response = await next();
            activity?.SetTag(ApplicationTelemetry.OutcomeTag, response.Error?.Code ?? "OK");
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetTag(ApplicationTelemetry.OutcomeTag, Errors.InternalServerErrorCode);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}

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

/// <summary>
/// Retry-safe writes (docs/api.md, "Retry-safe writes: Idempotency-Key") for <see cref="IIdempotent"/> requests that carry a key: the request
/// runs with its writes in one transaction, which commits together with the key and the answer. When a request
/// with the same key got there first (the key is stored already, even while this one ran), everything this one
/// did is rolled back and the stored answer is given again, or 422 for a different request. A new key beyond the
/// organization's bound (<see cref="NewKeyBudget"/>) gets 429 without running. Answers that mean
/// "nothing happened" (the field rules, a 500) are not remembered: the client may correct and resend.
/// Runs after authorization (keys are the organization's) and before validation (a stored answer comes first).
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(CallerContext caller, IIdempotencyStore store, IdempotencyOptions options, NewKeyBudget budget, TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IIdempotent
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request.IdempotencyKey is not { } key)
        {
            return await next();
        }

        var organizationId = caller.RequiredOrganizationId;
        var now = time.GetUtcNow();
        if (!budget.TryTake(organizationId, out var wait))
        {
            // Over the bound on new keys: a stored answer is still replayed (or 422); only a new key waits.
            if (await store.FindAsync(organizationId, key.Value, now, cancellationToken) is { } remembered)
            {
                return key.Matches(remembered.Fingerprint) ? TResponse.Replay(remembered) : TResponse.Failure(Errors.IdempotencyKeyReused);
            }

            budget.CountLimited();
            return TResponse.Failure(Errors.TooManyRequests(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))));
        }

        var (response, completed) = await store.RunAsync(
            async write =>
            {
                var response = await next();
                if (response.Error?.Code == Errors.InvalidRequestBodyCode)
                {
                    return (response, false);
                }

                var (code, message, value) = response.ToStored();
                var answer = new StoredAnswer(key.Value, key.Fingerprint, code, message, value, now, now.AddHours(options.RetentionHours));
                return (response, await write.TryCompleteAsync(organizationId, answer, cancellationToken));
            },
            cancellationToken);
        if (completed)
        {
            return response;
        }

        budget.Return(organizationId); // this request stored no key

        // Nothing of this request is stored. A request that broke the field rules is answered so, unless its key
        // holds an answer already; any other got here because a request with its key stored an answer first.
        var stored = await store.FindAsync(organizationId, key.Value, now, cancellationToken);
        if (stored is null)
        {
            return response.Error?.Code == Errors.InvalidRequestBodyCode ? response : TResponse.Failure(Errors.IdempotencyKeyInUse);
        }

        return key.Matches(stored.Fingerprint) ? TResponse.Replay(stored) : TResponse.Failure(Errors.IdempotencyKeyReused);
    }
}

/// <summary>
/// Runs every FluentValidation validator of the request; any failure ends the request with
/// INVALID_REQUEST_BODY listing every problem, so a client sees all its mistakes in one round trip.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var details = new List<ErrorDetail>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            details.AddRange(result.Errors.Select(f => new ErrorDetail(f.PropertyName, f.ErrorMessage)));
        }

        return details.Count == 0 ? await next() : TResponse.Failure(Errors.InvalidRequestBody(details));
    }
}

/// <summary>
/// Names under which the application layer reports: one span per request, and the workspace metrics.
/// With no listener (no OpenTelemetry exporter configured) spans and measurements cost nothing.
/// </summary>
public static class ApplicationTelemetry
{
    public const string SourceName = "Databrain.Application";
    public const string MeterName = "Databrain.Workspaces";

    /// <summary>The outcome of a request: an error code, or OK.</summary>
    public const string OutcomeTag = "databrain.outcome";

    public static ActivitySource Source { get; } = new(SourceName);
}
