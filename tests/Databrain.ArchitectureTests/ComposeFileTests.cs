using Databrain.Infrastructure.Persistence;
using YamlDotNet.RepresentationModel;

namespace Databrain.ArchitectureTests;

/// <summary>
/// compose.yaml, read as Docker Compose would read it (no Docker engine runs where CI does, so `docker compose
/// config` cannot): one profile per database server, each with the server (a pinned image and a health check) and
/// the service on it, started only once the server is healthy, with the provider and a connection string that
/// names that server.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Services = LoadServices();

    public static TheoryData<string, string> Profiles => new()
    {
        { "postgres", nameof(DatabaseProvider.PostgreSql) },
        { "sqlserver", nameof(DatabaseProvider.SqlServer) },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AProfile_RunsTheServiceOnItsOwnHealthyServer(string profile, string provider)
    {
        var members = Services.Children.Where(s => ((YamlMappingNode)s.Value).Children.TryGetValue("profiles", out var p)
            && ((YamlSequenceNode)p).Children.Select(c => c.ToString()).SequenceEqual([profile])).ToArray();
        var server = Assert.Single(members, s => Has(s.Value, "image"));
        var api = Assert.Single(members, s => Has(s.Value, "build"));

        var image = Get(server.Value, "image").ToString();
        Assert.Matches(@":[0-9][^:]*$", image); // a version tag, never "latest"
        Assert.True(Has(server.Value, "healthcheck"), $"{server.Key} has no health check");

        var dependsOn = (YamlMappingNode)Get(api.Value, "depends_on");
        Assert.Equal("service_healthy", Get(Get(dependsOn, server.Key.ToString()), "condition").ToString());
        var environment = Get(api.Value, "environment");
        Assert.Equal(provider, Get(environment, "Database__Provider").ToString());
        Assert.True(Enum.TryParse<DatabaseProvider>(provider, out _));
        Assert.Matches($@"(Host|Server)={server.Key}[,;]", Get(environment, "ConnectionStrings__Databrain").ToString());
    }

    [Fact]
    public void EveryService_BelongsToAProfile_SoThatOneServerIsStartedAtATime()
    {
        Assert.All(Services.Children, s => Assert.True(Has(s.Value, "profiles"), $"{s.Key} belongs to no profile"));
        Assert.Equal(Profiles.Count * 2, Services.Children.Count);
    }

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(key);

    private static YamlNode Get(YamlNode node, string key) => ((YamlMappingNode)node).Children[key];

    private static YamlMappingNode LoadServices()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "compose.yaml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)Get(yaml.Documents[0].RootNode, "services");
    }
}
