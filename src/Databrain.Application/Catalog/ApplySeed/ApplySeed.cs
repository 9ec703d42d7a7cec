using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using Databrain.Application.Workspaces.Rules;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Catalog.ApplySeed;

/// <summary>
/// Admin: add what a seed file lists to the catalog (README.md, "Admin commands"). Idempotent: what exists stays,
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

public sealed class ApplySeedValidator : AbstractValidator<ApplySeedCommand>
{
    public ApplySeedValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Organizations).NotNull().WithMessage(RuleMessages.IsRequired)
            .Must(orgs => Repeated(orgs!.Select(o => o?.Name)).Count == 0)
            .WithMessage((_, orgs) => $"names an organization more than once: {Quote(Repeated(orgs!.Select(o => o?.Name)))}")
            .Must(orgs => Repeated(orgs!.SelectMany(o => o?.ServiceTokens ?? [])).Count == 0)
            .WithMessage("must not repeat a service token");
        RuleForEach(c => c.Organizations)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage("must be an object, not null")
            .SetValidator(new SeedOrganizationValidator()!);
    }

    private static List<string> Repeated(IEnumerable<string?> values) => SeedOrganizationValidator.Repeated(values);

    private static string Quote(IEnumerable<string> values) => SeedOrganizationValidator.Quote(values);
}

public sealed class SeedOrganizationValidator : AbstractValidator<SeedOrganization>
{
    private const int MinTokenLength = 16;
    private const int MaxTokenLength = 256;

    public SeedOrganizationValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(o => o.Name).NotNull().WithMessage(RuleMessages.IsRequired).FollowsNameRule();
        RuleForEach(o => o.ServiceTokens)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage("must be a string, not null")
            .Must(t => t is null || t.Length is >= MinTokenLength and <= MaxTokenLength && !t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            .WithMessage($"must be {MinTokenLength} to {MaxTokenLength} characters without white space or control characters");
        CatalogNames(o => o.Datasources);
        CatalogNames(o => o.Datamarts);
        CatalogNames(o => o.Llms);
        CatalogNames(o => o.Themes);
    }

    internal static List<string> Repeated(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    internal static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));

    private void CatalogNames(System.Linq.Expressions.Expression<Func<SeedOrganization, IEnumerable<string?>?>> list)
    {
        var read = list.Compile();
        RuleFor(list).Must(names => Repeated(names!).Count == 0)
            .When(o => read(o) is not null)
            .WithMessage((_, names) => $"lists a name more than once: {Quote(Repeated(names!))}")
            ;
        RuleForEach<string?>(list!)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage("must be a string, not null").FollowsNameRule();
    }
}

public sealed class ApplySeedHandler(ICatalogStore catalog) : IRequestHandler<ApplySeedCommand, Result<SeedSummary>>
{
    public async Task<Result<SeedSummary>> Handle(ApplySeedCommand request, CancellationToken cancellationToken)
    {
        // Tokens are hashed here, so that no layer below ever sees a plaintext token.
        var organizations = request.Organizations!.Select(o => new CatalogOrganization(
            o!.Name!,
            Present(o.ServiceTokens).Select(token => new NewServiceToken(ServiceTokenIds.New(), ServiceTokenHash.Of(token), null, TokenScope.Write, null)).ToArray(),
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
