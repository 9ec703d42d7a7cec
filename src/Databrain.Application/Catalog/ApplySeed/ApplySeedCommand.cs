using Databrain.Application.Common.Results;
using MediatR;

namespace Databrain.Application.Catalog.ApplySeed;

/// <summary>
/// Admin: add what a seed file lists to the catalog (contract, section 6). Idempotent: what exists stays,
/// what is missing is added, all in one transaction. Properties mirror the JSON file and are all nullable so
/// that the validator reports every problem with its path.
/// </summary>
public sealed record ApplySeedCommand : IRequest<Result<SeedSummary>>
{
    public IReadOnlyList<SeedOrganization?>? Organizations { get; init; }

    /// <summary>Without values: a seed holds plaintext tokens, which must never reach the logs.</summary>
    public override string ToString() => nameof(ApplySeedCommand);
}

public sealed record SeedOrganization
{
    public string? Name { get; init; }

    public IReadOnlyList<string?>? ServiceTokens { get; init; }

    public IReadOnlyList<string?>? Datasources { get; init; }

    public IReadOnlyList<string?>? Datamarts { get; init; }

    public IReadOnlyList<string?>? Llms { get; init; }

    public IReadOnlyList<string?>? Themes { get; init; }

    /// <summary>Without values: it holds plaintext tokens, which must never reach the logs.</summary>
    public override string ToString() => $"{nameof(SeedOrganization)} {Name}";
}

/// <summary>How many rows the seed added (zero everywhere when it was applied before).</summary>
public sealed record SeedSummary(int Organizations, int ServiceTokens, int CatalogEntries);
