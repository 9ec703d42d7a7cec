namespace Databrain.ArchitectureTests;

/// <summary>The clone's root folder (where Databrain.sln is), found from the test's own folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Databrain.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Databrain.sln) is not above the test's folder.");
    }
}
