using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using MediatR;

namespace Databrain.Application.Common.Behaviors;

/// <summary>
/// Outermost behavior for <see cref="IOrganizationScoped"/> requests: the bearer token becomes the caller's
/// organization, or the request ends with INVALID_DATA_APP_API_KEY. Every way of failing gives the same error.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(CallerContext caller, IServiceTokenLookup tokens)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IOrganizationScoped
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (string.IsNullOrEmpty(caller.BearerToken))
        {
            return TResponse.Failure(Errors.InvalidDataAppApiKey);
        }

        var organizationId = await tokens.FindOrganizationIdAsync(ServiceTokenHash.Of(caller.BearerToken), cancellationToken);
        if (organizationId is null)
        {
            return TResponse.Failure(Errors.InvalidDataAppApiKey);
        }

        caller.Authenticate(organizationId.Value);
        return await next();
    }
}
