using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using MediatR;

namespace Databrain.Application.Common.Behaviors;

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
