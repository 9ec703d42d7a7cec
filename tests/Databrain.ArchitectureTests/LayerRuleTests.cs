using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using Databrain.Api.Controllers;
using Databrain.Application.Common.Security;
using Databrain.Domain.Common;
using Databrain.Infrastructure.Persistence;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Databrain.ArchitectureTests;

/// <summary>
/// The layering, type by type (ArchUnitNET): what each layer may depend on, and what a controller may do.
/// Dependencies on outside libraries (SQL, HTTP, ASP.NET in Application) are checked on the assemblies'
/// references, in <see cref="DependencyRuleTests"/>.
/// </summary>
public sealed class LayerRuleTests
{
    private static readonly System.Reflection.Assembly DomainAssembly = typeof(NameRule).Assembly;
    private static readonly System.Reflection.Assembly ApplicationAssembly = typeof(CallerContext).Assembly;
    private static readonly System.Reflection.Assembly InfrastructureAssembly = typeof(DatabaseMigrator).Assembly;
    private static readonly System.Reflection.Assembly ApiAssembly = typeof(WorkspacesController).Assembly;

    /// <summary>The four layers as ArchUnitNET sees them, loaded once for every architecture test.</summary>
    internal static readonly Architecture Architecture =
        new ArchLoader().LoadAssemblies(DomainAssembly, ApplicationAssembly, InfrastructureAssembly, ApiAssembly).Build();

    private static readonly IObjectProvider<IType> Domain = Types().That().ResideInAssembly(DomainAssembly).As("Domain");
    private static readonly IObjectProvider<IType> Application = Types().That().ResideInAssembly(ApplicationAssembly).As("Application");
    private static readonly IObjectProvider<IType> Infrastructure = Types().That().ResideInAssembly(InfrastructureAssembly).As("Infrastructure");
    private static readonly IObjectProvider<IType> Api = Types().That().ResideInAssembly(ApiAssembly).As("Api");

    [Fact]
    public void Domain_DependsOnNoOtherLayer() =>
        Types().That().Are(Domain).Should().NotDependOnAny(Application).AndShould().NotDependOnAny(Infrastructure).AndShould().NotDependOnAny(Api)
            .Check(Architecture);

    [Fact]
    public void Application_DependsOnlyOnDomain() =>
        Types().That().Are(Application).Should().NotDependOnAny(Infrastructure).AndShould().NotDependOnAny(Api).Check(Architecture);

    [Fact]
    public void Infrastructure_DoesNotDependOnTheHost() =>
        Types().That().Are(Infrastructure).Should().NotDependOnAny(Api).Check(Architecture);

    [Fact]
    public void Controllers_TouchNoDataAccess_NoPortAndNoInfrastructure() =>
        Types().That().ResideInNamespace(typeof(WorkspacesController).Namespace!).Should()
            .NotDependOnAny(Infrastructure)
            .AndShould().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"\.Ports$"))
            .Check(Architecture);

    [Fact]
    public void Controllers_HoldOnlyTheMediator()
    {
        var controllers = ApiAssembly.GetTypes().Where(t => t.Namespace == typeof(WorkspacesController).Namespace && t.Name.EndsWith("Controller", StringComparison.Ordinal));

        Assert.All(controllers, controller =>
        {
            var parameters = controller.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType);
            Assert.Equal([typeof(MediatR.IMediator)], parameters);
            Assert.All(
                controller.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly),
                action => Assert.True(action.ReturnType == typeof(Task<Microsoft.AspNetCore.Mvc.IActionResult>), $"{controller.Name}.{action.Name} must answer through the envelope"));
        });
    }
}
