using System.Reflection;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.Benchmarks;

/// <summary>
/// Ports answered from memory, so that the benchmark measures the pipeline and not a database. Only the
/// methods the benchmarks call are answered; the ports are proxies, so that a port that gains a method (a new
/// command) needs no line here. A proxied call costs well under a microsecond, against the pipeline's hundreds.
/// </summary>
internal static class InMemoryPorts
{
    public const long Organization = 1;

    private static readonly IReadOnlyDictionary<string, long> Llms = new Dictionary<string, long>(StringComparer.Ordinal) { ["gpt-4o"] = 10 };
    private static readonly WorkspaceListItem[] Page =
        Enumerable.Range(0, WorkspacePage.DefaultSize).Select(i => new WorkspaceListItem($"workspace-{i}", "DATASOURCE")).ToArray();

    private static readonly Dictionary<string, Func<object?[], object>> Answers = new(StringComparer.Ordinal)
    {
        [nameof(IServiceTokenLookup.FindAsync)] = _ => Task.FromResult<ServiceToken?>(new ServiceToken(Organization, "tok_bench", null, TokenScope.Write, null)),
        [nameof(IWorkspaceReferenceLookup.ResolveAsync)] = args =>
        {
            var references = (WorkspaceReferences)args[1]!;
            return Task.FromResult(new ResolvedReferences(
                Workspace: null,
                DatasourceId: references.DatasourceName == "postgres-main" ? 1 : null,
                DatamartId: null,
                LlmIds: Llms,
                ThemeId: references.ThemeName == "dark" ? 3 : null));
        },
        [nameof(IWorkspaceRepository.TryAddAsync)] = _ => Task.FromResult(true),
        [nameof(IWorkspaceQueries.ListAsync)] = _ => Task.FromResult(new WorkspaceListPage(Page, Page.Length)),
    };

    public static IServiceCollection AddInMemoryPorts(this IServiceCollection services) => services
        .AddSingleton(Port<IServiceTokenLookup>())
        .AddSingleton(Port<IAuthenticationFailures>())
        .AddSingleton(Port<IWorkspaceReferenceLookup>())
        .AddSingleton(Port<IWorkspaceRepository>())
        .AddSingleton(Port<IWorkspaceQueries>());

    private static T Port<T>()
        where T : class => Answering<T>.Create();

#pragma warning disable CA1852 // DispatchProxy derives a type from it: it must not be sealed.
    private class Answering<T> : DispatchProxy
#pragma warning restore CA1852
        where T : class
    {
        public static T Create() => Create<T, Answering<T>>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Answers.TryGetValue(targetMethod!.Name, out var answer)
                ? answer(args ?? [])
                : throw new NotSupportedException($"{typeof(T).Name}.{targetMethod.Name} is not measured by these benchmarks.");
    }
}
