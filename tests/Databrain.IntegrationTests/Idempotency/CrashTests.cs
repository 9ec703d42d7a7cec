using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Dapper;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Idempotency;

/// <summary>
/// Exactly once across a crash: the real service process, killed with SIGKILL in the middle of 200 keyed creates
/// from 16 clients, restarted on the same database; every request retried with its key gets 200, every workspace
/// exists once, with its Copilot LLM links, and with exactly one change record: no record without its workspace,
/// none twice, and the organization's sequence without a gap. Each provider's run has a database of its own.
/// </summary>
public abstract class CrashTests(TestDatabase database) : OwnDatabaseTests(database)
{
    private const string Token = "dbn_crash_0123456789abcdef0123456789abcdef";
    private const int Requests = 200;


    private static async Task<HttpStatusCode> CreateAsync(HttpClient client, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiCalls.Route)
        {
            Content = new StringContent($$"""{"name":"ws-{{i}}","connectionType":"MULTI_DATAMART","aiCopilotLlms":["gpt-4o","claude-sonnet"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization", $"Bearer {Token}");
        request.Headers.Add("Idempotency-Key", $"crash-{i}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task KilledMidway_ThenRetriedWithTheKeys_EveryWorkspaceExistsExactlyOnce_WithItsLinks()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"databrain-crash-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, $$"""{"organizations":[{"name":"crash","serviceTokens":["{{Token}}"],"llms":["gpt-4o","claude-sonnet"]}]}""");
        var seeded = await ServiceProcess.RunAsync(Database.Provider.ToString(), Database.ConnectionString!, "seed", seed);
        File.Delete(seed);
        Assert.True(seeded.ExitCode == 0, seeded.StandardError);

        await using var service = ServiceInstance.Start(Database);
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        await service.WaitUntilAsync();

        // 16 clients; once 60 creates have been answered, the process is killed with whatever is in flight.
        var answered = 0;
        var firstRun = new ConcurrentDictionary<int, string>();
        using var clients = new SemaphoreSlim(16);
        var killed = new TaskCompletionSource();
        var sends = Enumerable.Range(0, Requests).Select(async i =>
        {
            await clients.WaitAsync();
            try
            {
                firstRun[i] = killed.Task.IsCompleted ? "not sent" : ((int)await CreateAsync(client, i)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (Interlocked.Increment(ref answered) == 60)
                {
                    await service.KillAsync(); // SIGKILL: no shutdown, no flush
                    killed.TrySetResult();
                }
            }
            catch (HttpRequestException)
            {
                firstRun[i] = "connection lost";
            }
            finally
            {
                clients.Release();
            }
        }).ToArray();
        await Task.WhenAll(sends);

        await using (var restarted = ServiceInstance.Start(Database, port: service.Port))
        {
            await restarted.WaitUntilAsync();
            var retries = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => CreateAsync(client, i)));

            Assert.Contains(firstRun.Values, v => v is "connection lost" or "not sent"); // the kill did cut the run short
            Assert.All(retries, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.DoesNotContain(firstRun.Values, v => v.StartsWith('5'));
        }

        await using var connection = Database.CreateConnection();
        var links = (await connection.QueryAsync<(string Name, long Links)>(
            "SELECT w.Name, (SELECT COUNT(*) FROM WorkspaceCopilotLlms c WHERE c.WorkspaceId = w.Id) FROM Workspaces w WHERE w.Name LIKE 'ws-%'")).ToArray();
        Assert.Equal(Requests, links.Length);
        Assert.Equal(Requests, links.Select(l => l.Name).Distinct().Count());
        Assert.All(links, l => Assert.Equal(2, l.Links));

        var records = (await connection.QueryAsync<(long Sequence, string WorkspaceId, string Operation)>(
            "SELECT Sequence, WorkspaceId, Operation FROM WorkspaceChanges ORDER BY Sequence")).ToArray();
        var workspaces = await connection.QueryAsync<string>("SELECT PublicId FROM Workspaces WHERE Name LIKE 'ws-%'");
        Assert.Equal(workspaces.Order(), records.Select(r => r.WorkspaceId).Order()); // one record per stored change, and no other
        Assert.All(records, r => Assert.Equal("create", r.Operation));
        Assert.Equal(Enumerable.Range(1, Requests).Select(i => (long)i), records.Select(r => r.Sequence));
    }
}

public sealed class CrashOnSqlite() : CrashTests(new SqliteTestDatabase());

public sealed class CrashOnPostgreSql() : CrashTests(new PostgreSqlTestDatabase());
