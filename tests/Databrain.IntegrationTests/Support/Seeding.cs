using Databrain.Application.Catalog.ApplySeed;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.IntegrationTests.Support;

public static class Seeding
{
    /// <summary>
    /// Adds a new organization with its own token and the standard test catalog (which <paramref name="customize"/>
    /// may change) through the service's own seed command.
    /// </summary>
    public static async Task<TestOrganization> CreateOrganizationAsync(this IServiceProvider services, Func<SeedOrganization, SeedOrganization>? customize = null)
    {
        var organization = TestOrganization.CreateUnique();
        var seed = new SeedOrganization
        {
            Name = organization.Name,
            ServiceTokens = [organization.Token],
            Datasources = TestOrganization.Datasources,
            Datamarts = TestOrganization.Datamarts,
            Llms = TestOrganization.Llms,
            Themes = TestOrganization.Themes,
        };
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplySeedCommand
        {
            Organizations = [customize is null ? seed : customize(seed)],
        });
        Assert.True(result.IsSuccess, result.Error?.Message);
        return organization;
    }
}
