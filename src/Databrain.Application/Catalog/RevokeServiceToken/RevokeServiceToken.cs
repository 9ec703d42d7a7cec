using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Catalog.RevokeServiceToken;

/// <summary>
/// Admin: revoke a token by its public id. It stops working on every instance within <c>Auth:TokenCacheSeconds</c>.
/// Revoking a revoked token again is no failure.
/// </summary>
public sealed record RevokeServiceTokenCommand(string Id) : IRequest<Result<RevokedServiceToken>>;

public sealed record RevokedServiceToken(string Id);

public sealed class RevokeServiceTokenValidator : AbstractValidator<RevokeServiceTokenCommand>
{
    public RevokeServiceTokenValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage(RuleMessages.IsRequired);
    }
}

public sealed class RevokeServiceTokenHandler(ICatalogStore catalog) : IRequestHandler<RevokeServiceTokenCommand, Result<RevokedServiceToken>>
{
    public async Task<Result<RevokedServiceToken>> Handle(RevokeServiceTokenCommand request, CancellationToken cancellationToken) =>
        await catalog.RevokeServiceTokenAsync(request.Id, cancellationToken)
            ? new RevokedServiceToken(request.Id)
            : Errors.UnknownServiceToken(request.Id);
}
