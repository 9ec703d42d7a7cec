using BenchmarkDotNet.Attributes;
using Databrain.Application;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.Benchmarks;

/// <summary>
/// One request through the real application pipeline as the host composes it (a DI scope, the mediator, the
/// telemetry, metrics, authorization and validation behaviors, the handler), over in-memory ports.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly CreateWorkspaceCommand Create = new(new CreateWorkspaceRequest
    {
        Name = "Sales Analytics",
        ConnectionType = "DATASOURCE",
        DatasourceName = "postgres-main",
        LlmName = "gpt-4o",
        AiCopilotLlms = ["gpt-4o"],
        IsEnableMetricSummary = true,
        SummaryType = "forecastAndTrendAnalysis",
        ThemeName = "dark",
    }, idempotencyKey: null);

    private static readonly CreateWorkspaceCommand Rejected = Create with { DatasourceName = "no-such-datasource" };

    private static readonly CreateWorkspaceCommand Invalid = Create with { Name = " padded", SummaryType = null };

    private static readonly ListWorkspacesQuery List = new("true", "1");

    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddApplication()
            .AddInMemoryPorts()
            .AddScoped(provider => new CallerContext("dbn_bench_token", provider.GetRequiredService<IServiceTokenLookup>().FindAsync)) // what the host makes of each request's Authorization header
            .BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    private async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Benchmark(Baseline = true, Description = "create: success")]
    public Task<Databrain.Application.Common.Results.Result<CreatedWorkspace>> CreateSuccess() => SendAsync(Create);

    [Benchmark(Description = "create: unknown datasource")]
    public Task<Databrain.Application.Common.Results.Result<CreatedWorkspace>> CreateRejected() => SendAsync(Rejected);

    [Benchmark(Description = "create: invalid fields")]
    public Task<Databrain.Application.Common.Results.Result<CreatedWorkspace>> CreateInvalid() => SendAsync(Invalid);

    [Benchmark(Description = "list: a page")]
    public Task<Databrain.Application.Common.Results.Result<WorkspaceList>> ListPage() => SendAsync(List);
}
