using System.Text.Json;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>
/// Three instances of the real service, each a process of its own, on one database (docs/operations.md), for a
/// whole test class: the database is migrated and seeded once by the admin commands, then the instances start
/// without migrating, as a deployment with a separate migrate step runs them. Each test makes its own organization.
/// </summary>
public class SeveralInstances<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    public const int Count = 3;

    private readonly List<ServiceInstance> _instances = [];

    public TDatabase Database { get; } = new();

    public IReadOnlyList<ServiceInstance> Instances => _instances;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        if (Database.SkipReason is not null)
        {
            return;
        }

        var migrated = await ServiceProcess.RunAsync(Database.Provider.ToString(), Database.ConnectionString!, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.StandardError);
        for (var i = 0; i < Count; i++)
        {
            _instances.Add(ServiceInstance.Start(Database, Settings));
        }

        await Task.WhenAll(_instances.Select(i => i.WaitUntilAsync()));
    }

    /// <summary>The settings of every instance; a fixture for a test that needs others derives from this one.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Database__MigrateOnStartup"] = "false",
    };

    /// <summary>A new organization with its own token and the standard test catalog, through the seed command.</summary>
    public async Task<TestOrganization> CreateOrganizationAsync()
    {
        var organization = TestOrganization.CreateUnique();
        var file = Path.Combine(Path.GetTempPath(), $"databrain-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            organizations = new[]
            {
                new
                {
                    name = organization.Name,
                    serviceTokens = new[] { organization.Token },
                    datasources = TestOrganization.Datasources,
                    datamarts = TestOrganization.Datamarts,
                    llms = TestOrganization.Llms,
                    themes = TestOrganization.Themes,
                },
            },
        }));
        try
        {
            var seeded = await ServiceProcess.RunAsync(Database.Provider.ToString(), Database.ConnectionString!, "seed", file);
            Assert.True(seeded.ExitCode == 0, seeded.StandardError);
        }
        finally
        {
            File.Delete(file);
        }

        return organization;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
