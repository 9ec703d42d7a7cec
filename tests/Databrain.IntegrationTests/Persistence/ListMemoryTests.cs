using System.Net;
using Dapper;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Infrastructure.Persistence;
using Databrain.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using IMediator = MediatR.IMediator;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>Tests that measure the process's memory: no other test of this assembly runs beside them.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>
/// A list of every workspace is read and written in chunks (docs/api.md, "Authentication and the envelope": an answer's memory is bounded):
/// what a list request holds while its client reads does not grow with the number of workspaces.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public abstract class ListMemoryTests(TestDatabase database) : IAsyncLifetime
{
    private readonly TestDatabase _database = database;
    private ServiceFactory _service = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _database.SkipIfUnavailable();
        _service = new ServiceFactory(_database);
        _service.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<TestOrganization> WithWorkspacesAsync(int count)
    {
        var org = await _service.Services.CreateOrganizationAsync();
        string Number(int digits) => _database.Provider == DatabaseProvider.Sqlite ? $"printf('%0{digits}d', n.i)" : $"lpad(n.i::text, {digits}, '0')";
        await using var connection = _database.CreateConnection();
        await connection.ExecuteAsync(
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Count)
            INSERT INTO Workspaces (PublicId, OrganizationId, Name, ConnectionType, IsEnableMetricSuggestions, IsEnableMetricSummary)
            SELECT '00000000-0000-4000-8000-' || {Number(12)}, o.Id, 'workspace-' || {Number(6)}, 'MULTI_DATAMART', @Off, @Off
            FROM n JOIN Organizations o ON o.Name = @Name
            """,
            new { Count = count, org.Name, Off = false });
        return org;
    }

    /// <summary>Managed memory still held (after a full collection) while a list request has sent its first workspace.</summary>
    private async Task<long> HeldWhileReadingAsync(TestOrganization org)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        // As a request would: the scope's CallerContext is made from the request's Authorization header.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { Request = { Headers = { Authorization = $"Bearer {org.Token}" } } };
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var list = (await mediator.Send(new ListWorkspacesQuery(null, null))).Value;
        await using var reader = list.GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(reader);
        return held;
    }

    [Fact]
    public async Task WhileAListIsRead_WhatItHolds_DoesNotGrowWithTheNumberOfWorkspaces()
    {
        var small = await WithWorkspacesAsync(1_000);
        var large = await WithWorkspacesAsync(20_000);
        await HeldWhileReadingAsync(small); // warm-up: first-use allocations (JIT, pools, caches) are not the list's

        var heldSmall = await HeldWhileReadingAsync(small);
        var heldLarge = await HeldWhileReadingAsync(large);

        // Holding all 20,000 workspaces would be about 3 MB more than 1,000; one chunk of 500 is the same for both.
        Assert.True(heldLarge - heldSmall < 512 * 1024, $"held {heldSmall:N0} bytes for 1,000 workspaces and {heldLarge:N0} for 20,000");
    }

    [Fact]
    public async Task AListLongerThanOneChunk_IsAnsweredWhole_OldestFirst()
    {
        var org = await WithWorkspacesAsync(1_234);
        using var client = _service.CreateClient();

        var response = await client.ListWorkspacesAsync(org.Token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(
            Enumerable.Range(1, 1_234).Select(i => $"workspace-{i:D6}"),
            response.Data.EnumerateArray().Select(w => w.GetProperty("name").GetString()));
    }
}

public sealed class ListMemoryOnSqlite() : ListMemoryTests(new SqliteTestDatabase());

public sealed class ListMemoryOnPostgreSql() : ListMemoryTests(new PostgreSqlTestDatabase());
