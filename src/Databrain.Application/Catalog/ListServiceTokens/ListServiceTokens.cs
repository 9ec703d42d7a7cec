using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Validation;
using Databrain.Application.Workspaces.Rules;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Catalog.ListServiceTokens;

/// <summary>Admin: every token of an organization, oldest first (ids, labels, scopes, times; never a secret or hash).</summary>
public sealed record ListServiceTokensQuery(string? OrganizationName) : IRequest<Result<IReadOnlyList<ServiceTokenInfo>>>;

public sealed class ListServiceTokensValidator : AbstractValidator<ListServiceTokensQuery>
{
    public ListServiceTokensValidator()
    {
        RuleFor(c => c.OrganizationName).NotNull().WithMessage(RuleMessages.IsRequired).FollowsNameRule().OverridePropertyName("organization");
    }
}

public sealed class ListServiceTokensHandler(ICatalogStore catalog) : IRequestHandler<ListServiceTokensQuery, Result<IReadOnlyList<ServiceTokenInfo>>>
{
    public async Task<Result<IReadOnlyList<ServiceTokenInfo>>> Handle(ListServiceTokensQuery request, CancellationToken cancellationToken) =>
        await catalog.ListServiceTokensAsync(request.OrganizationName!, cancellationToken) is { } tokens
            ? Result<IReadOnlyList<ServiceTokenInfo>>.Success(tokens)
            : Errors.UnknownOrganization(request.OrganizationName!);
}
