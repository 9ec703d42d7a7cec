using Databrain.Application.Common.Results;
using MediatR;

namespace Databrain.Application.Catalog.IssueServiceToken;

/// <summary>Admin: issue a new service token for an organization. The plaintext is returned once; only its hash is stored.</summary>
public sealed record IssueServiceTokenCommand(string? OrganizationName) : IRequest<Result<IssuedServiceToken>>;

public sealed record IssuedServiceToken(string Token)
{
    /// <summary>Without the token: it is shown once, to the operator, and must never reach the logs.</summary>
    public override string ToString() => nameof(IssuedServiceToken);
}
