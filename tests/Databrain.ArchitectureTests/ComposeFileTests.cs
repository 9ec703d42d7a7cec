using Databrain.Infrastructure.Persistence;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Databrain.ArchitectureTests;

/// <summary>
/// compose.yaml, read as Docker Compose would read it (no Docker engine runs where CI does, so `docker compose
/// config` cannot; its YAML merge keys are resolved as Compose resolves them): one profile per database server with
/// the service on it, and one per server with a migrate step, replicas that do not migrate, and a load balancer.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = Load();

    private static YamlMappingNode Services => (YamlMappingNode)Get(Compose, "services");

    public static TheoryData<string, string> Servers => new()
    {
        { "postgres", nameof(DatabaseProvider.PostgreSql) },
        { "sqlserver", nameof(DatabaseProvider.SqlServer) },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public void AServersProfile_RunsTheServiceOnItsOwnHealthyServer(string server, string provider)
    {
        var members = InProfile(server);
        Assert.Equal(new[] { server, $"api-{server}" }.Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
        AssertPinnedAndHealthChecked(Service(server));

        var api = Service($"api-{server}");
        Assert.Equal("service_healthy", Get(Get(Get(api, "depends_on"), server), "condition").ToString());
        AssertRunsOn(api, server, provider);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public void AReplicasProfile_MigratesOnce_ThenStartsReplicasThatDoNot_BehindAProxyTheyTrust(string server, string provider)
    {
        var profile = $"{server}-replicas";
        Assert.Equal(new[] { server, $"migrate-{server}", $"api-{server}-replicas", $"proxy-{server}" }.Order(StringComparer.Ordinal), InProfile(profile).Order(StringComparer.Ordinal));

        var migrate = Service($"migrate-{server}");
        Assert.Equal(["migrate"], ((YamlSequenceNode)Get(migrate, "command")).Children.Select(c => c.ToString()));
        Assert.Equal("service_healthy", Get(Get(Get(migrate, "depends_on"), server), "condition").ToString());
        AssertRunsOn(migrate, server, provider);

        var replicas = Service($"api-{server}-replicas");
        Assert.True(int.Parse(Get(Get(replicas, "deploy"), "replicas").ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("service_completed_successfully", Get(Get(Get(replicas, "depends_on"), $"migrate-{server}"), "condition").ToString());
        Assert.Equal("false", Get(Get(replicas, "environment"), "Database__MigrateOnStartup").ToString());
        Assert.Contains("/health/ready", string.Join(' ', ((YamlSequenceNode)Get(Get(replicas, "healthcheck"), "test")).Children), StringComparison.Ordinal);
        AssertRunsOn(replicas, server, provider);

        var proxy = Service($"proxy-{server}");
        AssertPinnedAndHealthChecked(proxy);
        Assert.Equal("service_healthy", Get(Get(Get(proxy, "depends_on"), $"api-{server}-replicas"), "condition").ToString());
        Assert.Equal($"api-{server}-replicas", Get(Get(proxy, "environment"), "API_UPSTREAM").ToString());
        var proxyAddress = Get(Get(Get(proxy, "networks"), "default"), "ipv4_address").ToString();
        Assert.Equal(proxyAddress, Get(Get(replicas, "environment"), "RateLimits__TrustedProxies__0").ToString());
        var configuration = ((YamlSequenceNode)Get(proxy, "volumes")).Children.Select(v => v.ToString().Split(':')[0]).Single();
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, configuration)), $"{configuration} is not in the repository");
    }

    [Fact]
    public void EveryService_BelongsToAProfile_SoThatOneServerIsStartedAtATime()
    {
        Assert.All(Services.Children, s => Assert.True(((YamlMappingNode)s.Value).Children.ContainsKey("profiles"), $"{s.Key} belongs to no profile"));
    }

    [Fact]
    public void EveryBuiltImage_IsGivenTheVersion()
    {
        // The build context leaves .git out, so the image knows its version only from the VERSION argument (Dockerfile).
        var built = Services.Children.Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("build")).ToArray();
        Assert.NotEmpty(built);
        Assert.All(built, s => Assert.Equal("${DATABRAIN_VERSION:-}", Get(Get(Get(s.Value, "build"), "args"), "VERSION").ToString()));
        Assert.Contains("-p:MinVerVersionOverride=\"$VERSION\"", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile")), StringComparison.Ordinal);
    }

    private static string[] InProfile(string profile) =>
        Services.Children.Where(s => ((YamlMappingNode)s.Value).Children.TryGetValue("profiles", out var p)
            && ((YamlSequenceNode)p).Children.Any(c => c.ToString() == profile)).Select(s => s.Key.ToString()).ToArray();

    private static YamlNode Service(string name) => Get(Services, name);

    private static void AssertPinnedAndHealthChecked(YamlNode service)
    {
        Assert.Matches(@":[0-9][^:]*$", Get(service, "image").ToString()); // a version tag, never "latest"
        Assert.True(((YamlMappingNode)service).Children.ContainsKey("healthcheck"), "no health check");
    }

    private static void AssertRunsOn(YamlNode service, string server, string provider)
    {
        var environment = Get(service, "environment");
        Assert.Equal(provider, Get(environment, "Database__Provider").ToString());
        Assert.True(Enum.TryParse<DatabaseProvider>(provider, out _));
        Assert.Matches($@"(Host|Server)={server}[,;]", Get(environment, "ConnectionStrings__Databrain").ToString());
    }

    private static YamlNode Get(YamlNode node, string key) => ((YamlMappingNode)node).Children[key];

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "compose.yaml"));
        var yaml = new YamlStream();
        yaml.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
