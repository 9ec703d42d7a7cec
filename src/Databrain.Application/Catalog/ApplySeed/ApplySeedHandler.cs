using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using MediatR;

namespace Databrain.Application.Catalog.ApplySeed;

public sealed class ApplySeedHandler(ICatalogStore catalog) : IRequestHandler<ApplySeedCommand, Result<SeedSummary>>
{
    public async Task<Result<SeedSummary>> Handle(ApplySeedCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Tokens are hashed here, so that no layer below ever sees a plaintext token.
        var organizations = request.Organizations!.Select(o => new CatalogOrganization(
            o!.Name!,
            Present(o.ServiceTokens).Select(ServiceTokenHash.Of).ToArray(),
            Present(o.Datasources),
            Present(o.Datamarts),
            Present(o.Llms),
            Present(o.Themes))).ToArray();

        var outcome = await catalog.ApplySeedAsync(organizations, cancellationToken);
        return outcome.TokenConflictOrganization is { } conflict
            ? Errors.ServiceTokenConflict(conflict)
            : new SeedSummary(outcome.Organizations, outcome.ServiceTokens, outcome.CatalogEntries);
    }

    private static string[] Present(IReadOnlyList<string?>? values) => values?.Select(v => v!).ToArray() ?? [];
}
