using System.Reflection;
using System.Text.Json;

namespace Databrain.Application.Common.Validation;

/// <summary>
/// The names clients see: a request property's JSON name is its C# name in camelCase. Validators name the
/// fields of their problems through <see cref="Resolve"/> (FluentValidation's property-name resolver, set once
/// when this assembly loads), so that no validator spells a wire name.
/// </summary>
public static class WireNames
{
    // A module initializer, not a line in the host's registration: a validator built anywhere (a unit test, an
    // admin command) names fields the same way, and no caller can forget to set it.
#pragma warning disable CA2255 // The initializer is this library's own global setting, which every use of it needs.
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void UseWireNamesInValidators() => FluentValidation.ValidatorOptions.Global.PropertyNameResolver = Resolve;
#pragma warning restore CA2255

    /// <summary>The wire name of a C# member name: <c>IsEnableMetricSummary</c> → <c>isEnableMetricSummary</c>.</summary>
    public static string Of(string memberName) => JsonNamingPolicy.CamelCase.ConvertName(memberName);

    /// <summary>FluentValidation's <c>PropertyNameResolver</c>: the member's wire name.</summary>
    public static string? Resolve(Type type, MemberInfo? member, System.Linq.Expressions.LambdaExpression? expression) =>
        member is null ? null : Of(member.Name);
}
