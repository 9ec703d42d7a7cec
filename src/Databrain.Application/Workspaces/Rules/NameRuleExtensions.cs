using Databrain.Domain.Common;
using FluentValidation;

namespace Databrain.Application.Workspaces.Rules;

public static class NameRuleExtensions
{
    /// <summary>Applies the domain's <see cref="NameRule"/> to a present value (null is left to presence rules).</summary>
    public static IRuleBuilderOptions<T, string?> FollowsNameRule<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || NameRule.IsValid(value))
            .WithMessage((_, value) => NameRule.FindProblem(value!));
}
