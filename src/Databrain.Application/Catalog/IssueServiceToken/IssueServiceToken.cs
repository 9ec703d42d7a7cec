using System.Buffers.Text;
using System.Security.Cryptography;
using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.Rules;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Catalog.IssueServiceToken;

/// <summary>Admin: issue a new service token for an organization. The plaintext is returned once; only its hash is stored.</summary>
public sealed record IssueServiceTokenCommand(string? OrganizationName) : IRequest<Result<IssuedServiceToken>>;

public sealed record IssuedServiceToken(string Token)
{
    /// <summary>Without the token: it is shown once, to the operator, and must never reach the logs.</summary>
    public override string ToString() => nameof(IssuedServiceToken);
}

public sealed class IssueServiceTokenValidator : AbstractValidator<IssueServiceTokenCommand>
{
    public IssueServiceTokenValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.OrganizationName).NotNull().WithMessage("is required").FollowsNameRule().OverridePropertyName("organization");
    }
}

public sealed class IssueServiceTokenHandler(ICatalogStore catalog) : IRequestHandler<IssueServiceTokenCommand, Result<IssuedServiceToken>>
{
    /// <summary>Recognisable in secret scanners and logs reviews; the rest is 256 random bits.</summary>
    public const string Prefix = "dbn_live_";

    public async Task<Result<IssuedServiceToken>> Handle(IssueServiceTokenCommand request, CancellationToken cancellationToken)
    {
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return await catalog.AddServiceTokenAsync(request.OrganizationName!, ServiceTokenHash.Of(token), cancellationToken)
            ? new IssuedServiceToken(token)
            : Errors.UnknownOrganization(request.OrganizationName!);
    }
}
