using System.Net;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Instances;

/// <summary>Three instances whose writes pause after taking a change record's sequence, before they commit.</summary>
public sealed class InstancesWithSlowCommits<TDatabase> : SeveralInstances<TDatabase>
    where TDatabase : TestDatabase, new()
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Database__MigrateOnStartup"] = "false",
        ["History__DelayAfterSequenceMilliseconds"] = "25",
    };
}

/// <summary>
/// docs/api.md, "History and change feed": a follower of the feed sees every record exactly once, in sequence order,
/// while 32 writers change workspaces through three instances on one database. The instances pause after taking a
/// sequence and before committing (a test-only setting), which on 2 cores is what lets a later sequence try to commit
/// before an earlier one; the organization's lock must make it wait.
/// </summary>
public abstract class ChangeFeedOrderTests<TDatabase>(InstancesWithSlowCommits<TDatabase> service) : InstancesTests<TDatabase>(service)
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task AFollower_SeesEveryRecordOnce_InOrder_WhileThirtyTwoWritersUseThreeInstances()
    {
        var org = await Service.CreateOrganizationAsync();
        var writing = Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            var name = $"W{i}";
            var answers = new List<ApiResponse>
            {
                await Instance(i).CreateWorkspaceAsync(org.Token, new { name, connectionType = "MULTI_DATAMART" }),
                await Instance(i + 1).SendAsync(HttpMethod.Put, org.Token, body: new { name, connectionType = "MULTI_DATAMART", themeName = "dark" }),
                await Instance(i + 2).SendAsync(HttpMethod.Delete, org.Token, $"?name={name}"),
            };
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        })));

        var followed = new List<long>();
        var after = "0";
        var polls = 0;
        while (true)
        {
            var done = writing.IsCompleted;
            var response = await Instance(polls++).SendToAsync(HttpMethod.Get, $"/api/v2/workspace/changes?after={after}&limit=7", org.Token);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            var changes = response.Data.GetProperty("changes").EnumerateArray().Select(c => long.Parse(c.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            followed.AddRange(changes);
            after = response.Data.GetProperty("next").GetString()!;
            if (done && changes.Length == 0)
            {
                break; // the writers had finished before this poll, and it found nothing new
            }
        }

        await writing;
        Assert.Equal(Enumerable.Range(1, 96).Select(i => (long)i), followed); // each once, in order, none passed over
    }
}

public sealed class ChangeFeedOrderOnPostgreSql(InstancesWithSlowCommits<PostgreSqlTestDatabase> service)
    : ChangeFeedOrderTests<PostgreSqlTestDatabase>(service), IClassFixture<InstancesWithSlowCommits<PostgreSqlTestDatabase>>;
