using System.Text.Json;
using System.Text.RegularExpressions;

namespace Databrain.ArchitectureTests;

/// <summary>
/// A new user runs the examples one after another on the same demo organization: the README's curl walk, the
/// reference page's "try it" (the OpenAPI document's create example), the README's .NET snippet and the client's
/// README. (The service's <c>.http</c> file is the curl walk for an editor: one or the other is run, not both.) Each creates workspaces of its own names, so that none answers WORKSPACE_NAME_ALREADY_EXISTS because
/// another ran first.
/// </summary>
public sealed partial class ExampleNameTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void EveryWalk_CreatesNamesOfItsOwn()
    {
        var walks = new Dictionary<string, string[]>
        {
            ["the README's curl walk"] = CurlWalkNames(),
            ["the reference page's examples"] = [ReferencePageName()],
            ["the README's .NET snippet"] = SnippetNames(Section(File.ReadAllText(Path.Combine(Root, "README.md")), "```csharp", "```")),
            ["the client's README"] = SnippetNames(File.ReadAllText(Path.Combine(Root, "clients", "Databrain.Client", "README.md"))),
        };

        Assert.All(walks, walk => Assert.NotEmpty(walk.Value));
        var shared = walks.SelectMany(w => w.Value.Distinct().Select(name => (Walk: w.Key, Name: name)))
            .GroupBy(x => x.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"\"{g.Key}\" ({string.Join(", ", g.Select(x => x.Walk))})");
        Assert.Empty(shared);
    }

    /// <summary>The names the curl walk's creates (POST with a body) give.</summary>
    private static string[] CurlWalkNames()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var walk = Section(readme[readme.IndexOf("### Examples with curl", StringComparison.Ordinal)..], "```bash", "```");
        return NamesOf(CurlCreate().Matches(walk));
    }

    private static string[] NamesOf(MatchCollection creates) =>
        creates.Select(m => JsonDocument.Parse(m.Groups["body"].Value).RootElement)
            .Where(body => body.ValueKind == JsonValueKind.Object && body.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            .Select(body => body.GetProperty("name").GetString()!)
            .ToArray();

    private static string ReferencePageName()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "docs", "openapi", "v1.json")));
        var examples = document.RootElement.GetProperty("paths").GetProperty("/api/v2/workspace").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples");
        return examples.EnumerateObject().First().Value.GetProperty("value").GetProperty("name").GetString()!;
    }

    private static string[] SnippetNames(string text) => SnippetName().Matches(text).Select(m => m.Groups["name"].Value).ToArray();

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    [GeneratedRegex("""-X POST \$H [^\n]*-d '(?<body>\{[^']*\})'""")]
    private static partial Regex CurlCreate();

    [GeneratedRegex(@"\bName = ""(?<name>[^""]+)""")]
    private static partial Regex SnippetName();
}
