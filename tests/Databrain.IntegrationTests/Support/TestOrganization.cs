namespace Databrain.IntegrationTests.Support;

/// <summary>An organization of one test, with a unique name and token, and a fixed catalog.</summary>
public sealed record TestOrganization(string Name, string Token)
{
    public static readonly string[] Datasources = ["postgres-main", "snowflake-dw"];
    public static readonly string[] Datamarts = ["sales-mart", "finance-mart"];
    public static readonly string[] Llms = ["gpt-4o", "claude-sonnet", "llama-3"];
    public static readonly string[] Themes = ["dark", "light"];

    public static TestOrganization CreateUnique() => new($"org-{Guid.NewGuid():N}", $"dbn_test_{Guid.NewGuid():N}{Guid.NewGuid():N}");
}
