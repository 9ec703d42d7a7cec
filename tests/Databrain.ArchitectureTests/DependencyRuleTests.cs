using System.Reflection;
using Databrain.Application.Common.Security;
using Databrain.Domain.Common;
using Databrain.Infrastructure.Persistence;

namespace Databrain.ArchitectureTests;

/// <summary>Dependencies point inward only (architecture guide, section 1), checked on the compiled assemblies.</summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(NameRule).Assembly;
    private static readonly Assembly Application = typeof(CallerContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(DatabaseMigrator).Assembly;

    private static string[] References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToArray();

    private static bool IsBaseClassLibrary(string name) => name is "System.Runtime" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal);

    [Fact]
    public void Domain_ReferencesNothingBeyondTheBaseClassLibrary() =>
        Assert.All(References(Domain), name => Assert.True(IsBaseClassLibrary(name), $"Domain references {name}"));

    [Fact]
    public void Domain_UsesNoDataOrNetworkingApis() =>
        Assert.DoesNotContain(References(Domain), name => name.StartsWith("System.Data", StringComparison.Ordinal) || name.StartsWith("System.Net", StringComparison.Ordinal));

    [Fact]
    public void Application_ReferencesOnlyDomainAndItsMediatorValidationDiAndLoggingLibraries()
    {
        string[] allowed = ["Databrain.Domain", "MediatR", "FluentValidation", "Scrutor", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Diagnostics.Abstractions",
            "Microsoft.Extensions.Logging.Abstractions", // ChangePublisher logs another team's failing handler
        ];

        Assert.All(References(Application), name => Assert.True(IsBaseClassLibrary(name) || allowed.Contains(name), $"Application references {name}"));
    }

    [Fact]
    public void Application_KnowsNoSqlAndNoHttp() =>
        Assert.DoesNotContain(References(Application), name =>
            name.StartsWith("System.Data", StringComparison.Ordinal) || name.StartsWith("System.Net.Http", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Data", StringComparison.Ordinal)
            || name == "Dapper");

    [Fact]
    public void Infrastructure_DoesNotReferenceTheHost() =>
        Assert.DoesNotContain(References(Infrastructure), name => name.StartsWith("Databrain.Api", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
}
