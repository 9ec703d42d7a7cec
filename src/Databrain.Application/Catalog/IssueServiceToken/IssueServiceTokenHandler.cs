using System.Buffers.Text;
using System.Security.Cryptography;
using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using MediatR;

namespace Databrain.Application.Catalog.IssueServiceToken;

public sealed class IssueServiceTokenHandler(ICatalogStore catalog) : IRequestHandler<IssueServiceTokenCommand, Result<IssuedServiceToken>>
{
    /// <summary>Recognisable in secret scanners and logs reviews; the rest is 256 random bits.</summary>
    public const string Prefix = "dbn_live_";

    public async Task<Result<IssuedServiceToken>> Handle(IssueServiceTokenCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return await catalog.AddServiceTokenAsync(request.OrganizationName!, ServiceTokenHash.Of(token), cancellationToken)
            ? new IssuedServiceToken(token)
            : Errors.UnknownOrganization(request.OrganizationName!);
    }
}
