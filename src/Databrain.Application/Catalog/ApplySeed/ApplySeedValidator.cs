using Databrain.Application.Common.Validation;
using FluentValidation;

namespace Databrain.Application.Catalog.ApplySeed;

public sealed class ApplySeedValidator : AbstractValidator<ApplySeedCommand>
{
    public ApplySeedValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Organizations).NotNull().WithMessage("is required")
            .Must(orgs => Repeated(orgs!.Select(o => o?.Name)).Count == 0)
            .WithMessage((_, orgs) => $"names an organization more than once: {Quote(Repeated(orgs!.Select(o => o?.Name)))}")
            .Must(orgs => Repeated(orgs!.SelectMany(o => o?.ServiceTokens ?? [])).Count == 0)
            .WithMessage("must not repeat a service token")
            .OverridePropertyName("organizations");
        RuleForEach(c => c.Organizations)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage("must be an object, not null")
            .SetValidator(new SeedOrganizationValidator()!)
            .OverridePropertyName("organizations");
    }

    internal static List<string> Repeated(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    internal static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}

public sealed class SeedOrganizationValidator : AbstractValidator<SeedOrganization>
{
    private const int MinTokenLength = 16;
    private const int MaxTokenLength = 256;

    public SeedOrganizationValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(o => o.Name).NotNull().WithMessage("is required").FollowsNameRule().OverridePropertyName("name");
        RuleForEach(o => o.ServiceTokens)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage("must be a string, not null")
            .Must(t => t is null || t.Length is >= MinTokenLength and <= MaxTokenLength && !t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            .WithMessage($"must be {MinTokenLength} to {MaxTokenLength} characters without white space or control characters")
            .OverridePropertyName("serviceTokens");
        CatalogNames(o => o.Datasources, "datasources");
        CatalogNames(o => o.Datamarts, "datamarts");
        CatalogNames(o => o.Llms, "llms");
        CatalogNames(o => o.Themes, "themes");
    }

    private void CatalogNames(System.Linq.Expressions.Expression<Func<SeedOrganization, IEnumerable<string?>?>> list, string wireName)
    {
        var read = list.Compile();
        RuleFor(list).Must(names => ApplySeedValidator.Repeated(names!).Count == 0)
            .When(o => read(o) is not null)
            .WithMessage((_, names) => $"lists a name more than once: {ApplySeedValidator.Quote(ApplySeedValidator.Repeated(names!))}")
            .OverridePropertyName(wireName);
        RuleForEach<string?>(list!)
            .Cascade(CascadeMode.Continue) // Stop would end the rule at the first bad value; each check skips nulls instead
            .NotNull().WithMessage("must be a string, not null").FollowsNameRule().OverridePropertyName(wireName);
    }
}
