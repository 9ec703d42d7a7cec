using System.Net;
using Databrain.Application.Workspaces.ListWorkspaces;
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
        await _database.AddWorkspacesAsync(org.Name, count);
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

    /// <summary>Bytes the process allocates while the whole list is read through the application, as the host reads it.</summary>
    private async Task<long> AllocatedReadingAllAsync(TestOrganization org)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { Request = { Headers = { Authorization = $"Bearer {org.Token}" } } };
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var count = 0;
        await foreach (var _ in (await mediator.Send(new ListWorkspacesQuery(null, null))).Value)
        {
            count++;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(count > 0);
        return allocated;
    }

    /// <summary>
    /// What a row of a whole list costs the garbage collector: its name, and nothing else of its own (the item is a
    /// value, the connection type one of four constants). 300 readers of a 50,000-workspace list made the collector
    /// pause for a third of the time when each row cost four objects.
    /// </summary>
    [Fact]
    public async Task AWholeList_AllocatesLittleMoreThanItsNamesPerWorkspace()
    {
        var small = await WithWorkspacesAsync(1_000);
        var large = await WithWorkspacesAsync(20_000);
        await AllocatedReadingAllAsync(small); // warm-up

        var perWorkspace = (await AllocatedReadingAllAsync(large) - await AllocatedReadingAllAsync(small)) / 19_000.0;

        // A name of 16 characters ("workspace-000123") is a string of 56 bytes; the rest is the provider's reading.
        // With a Dapper object, a string for the connection type and an item object per row: 237 bytes on SQLite
        // and 287 on PostgreSQL; now 84 and 136.
        Assert.True(perWorkspace < 160, $"{perWorkspace:0} bytes allocated per workspace");
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
