using ArchUnitNET.Domain;

namespace Databrain.ArchitectureTests;

/// <summary>
/// No dependency loops, between namespaces or between types (a nested or compiler-generated type counts as the
/// type that declares it): each loop is a pair of things that cannot be read, changed or tested one without
/// the other. A new loop fails with the types or namespaces that form it.
/// </summary>
public sealed class DependencyLoopTests
{
    private static readonly IReadOnlyList<IType> Types =
        [.. LayerRuleTests.Architecture.Types.Where(t => t.FullName.StartsWith("Databrain.", StringComparison.Ordinal))];

    [Fact]
    public void NoNamespaceDependsOnItselfThroughAnother() => AssertNoLoop(Loops(type => type.Namespace.FullName));

    [Fact]
    public void NoTypeDependsOnItselfThroughAnother() => AssertNoLoop(Loops(Declaring));

    private static void AssertNoLoop(List<string> loops) =>
        Assert.True(loops.Count == 0, $"{loops.Count} dependency loop(s):{Environment.NewLine}{string.Join(Environment.NewLine, loops)}");

    /// <summary>The type as its source declares it: <c>Outer+Nested</c> and <c>Outer+&lt;M&gt;d__3</c> are <c>Outer</c>; <c>Result`1</c> is <c>Result</c>.</summary>
    private static string Declaring(IType type)
    {
        var name = type.FullName.Split('+', '/')[0];
        var generic = name.IndexOf('`', StringComparison.Ordinal);
        return generic < 0 ? name : name[..generic];
    }

    /// <summary>Every group of more than one node that reach one another (Tarjan's strongly connected components).</summary>
    private static List<string> Loops(Func<IType, string> node)
    {
        var edges = Types
            .SelectMany(type => type.Dependencies.Select(d => (From: node(type), To: d.Target)))

            // A generic parameter is named after its owner: FollowsNameRule<T> called with WorkspaceFieldRules<T>'s
            // own T is not a dependency of the extension on WorkspaceFieldRules.
            .Where(e => e.To is not GenericParameter && e.To.FullName.StartsWith("Databrain.", StringComparison.Ordinal))
            .Select(e => (e.From, To: node(e.To)))
            .Where(e => e.From != e.To)
            .Distinct()
            .ToLookup(e => e.From, e => e.To);
        var nodes = Types.Select(node).Distinct().ToArray();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var loops = new List<string>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in edges[v])
            {
                if (!index.TryGetValue(w, out var visited))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], visited);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    loops.Add(string.Join(" <-> ", group.Order()));
                }
            }
        }

        foreach (var v in nodes.Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return loops;
    }
}
