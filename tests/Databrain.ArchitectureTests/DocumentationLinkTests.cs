using System.Text.RegularExpressions;

namespace Databrain.ArchitectureTests;

/// <summary>
/// The repository is self-contained: every relative link in its documentation resolves to a file inside it
/// (someone who clones it has nothing beside it).
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string Root = RepositoryRoot.Path;

    public static TheoryData<string> Documents()
    {
        var documents = new[] { "README.md", "CONTRIBUTING.md", "CHANGELOG.md", Path.Combine("clients", "Databrain.Client", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)));
        return new TheoryData<string>(documents.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLink_ResolvesInsideTheRepository(string document)
    {
        var path = Path.Combine(Root, document);
        var broken = MarkdownLink().Matches(File.ReadAllText(path))
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Where(target =>
            {
                var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target.Split('#')[0]));
                return !file.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(file) || Directory.Exists(file));
            })
            .ToArray();

        Assert.True(broken.Length == 0, $"{document} links to what is not in the repository: {string.Join(", ", broken)}");
    }

    [Fact]
    public void TheAdrIndex_ListsEveryAdr()
    {
        var index = File.ReadAllText(Path.Combine(Root, "docs", "adr", "README.md"));
        var missing = Directory.EnumerateFiles(Path.Combine(Root, "docs", "adr"), "0*.md").Select(Path.GetFileName)
            .Where(adr => !index.Contains($"]({adr})", StringComparison.Ordinal))
            .ToArray();

        Assert.True(missing.Length == 0, $"docs/adr/README.md does not list: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheDocumentsAreFound() => Assert.Contains("docs/api.md", Documents().Select(d => ((string)d.Data).Replace('\\', '/')));

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
