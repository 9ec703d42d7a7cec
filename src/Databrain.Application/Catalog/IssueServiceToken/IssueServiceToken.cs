using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using Databrain.Application.Workspaces.Rules;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Catalog.IssueServiceToken;

/// <summary>
/// Admin: issue a new service token for an organization, with an optional label, a scope (<c>write</c> by
/// default) and an optional lifetime in days. The plaintext is returned once; only its hash is stored.
/// </summary>
public sealed record IssueServiceTokenCommand(string? OrganizationName, string? Label = null, string? Scope = null, int? ExpiresInDays = null)
    : IRequest<Result<IssuedServiceToken>>;

/// <summary>A token just issued: the secret (shown once) and what the admin commands show of it.</summary>
public sealed record IssuedServiceToken(string Token, string Id, string? Label, TokenScope Scope, DateTimeOffset? ExpiresAt)
{
    /// <summary>Without the token: it is shown once, to the operator, and must never reach the logs.</summary>
    public override string ToString() => nameof(IssuedServiceToken);
}

/// <summary>The rules of a token's options, shared by issuing and rotating.</summary>
public static class ServiceTokenOptions
{
    public const int MaxExpiresInDays = 3650;

    public static IRuleBuilderOptions<T, int?> IsALifetime<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxExpiresInDays).WithMessage($"must be a whole number of days from 1 to {MaxExpiresInDays}");
}

public sealed class IssueServiceTokenValidator : AbstractValidator<IssueServiceTokenCommand>
{
    public IssueServiceTokenValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.OrganizationName).NotNull().WithMessage(RuleMessages.IsRequired).FollowsNameRule().OverridePropertyName("organization");
        RuleFor(c => c.Label).FollowsNameRule();
        RuleFor(c => c.Scope).Must(scope => scope is null || TokenScopes.TryParse(scope, out _)).WithMessage("must be read or write");
        RuleFor(c => c.ExpiresInDays).IsALifetime().OverridePropertyName("expires-in");
    }
}

public sealed class IssueServiceTokenHandler(ICatalogStore catalog, TimeProvider time) : IRequestHandler<IssueServiceTokenCommand, Result<IssuedServiceToken>>
{
    public async Task<Result<IssuedServiceToken>> Handle(IssueServiceTokenCommand request, CancellationToken cancellationToken)
    {
        var scope = TokenScopes.FromWireOrWrite(request.Scope);
        var expiresAt = request.ExpiresInDays is { } days ? time.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var secret = ServiceTokenSecrets.New();
        var token = new NewServiceToken(ServiceTokenIds.New(), ServiceTokenHash.Of(secret), request.Label, scope, expiresAt);
        return await catalog.AddServiceTokenAsync(request.OrganizationName!, token, cancellationToken)
            ? new IssuedServiceToken(secret, token.Id, token.Label, token.Scope, token.ExpiresAt)
            : Errors.UnknownOrganization(request.OrganizationName!);
    }
}
