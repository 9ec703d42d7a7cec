using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>
/// Says once per run whether the SQL Server cases run: skipped with the full reason (and how to enable them)
/// where there is no SQL Server; where there is one, its database answers.
/// </summary>
public sealed class SqlServerAvailabilityTests(SqlServerApi api)
{
    [Fact]
    public async Task SqlServer_IsAvailable_AndItsDatabaseAnswers()
    {
        Assert.SkipWhen(api.Database.SkipReason is not null, api.Database.SkipReason ?? string.Empty);

        Assert.Equal([1], await api.QueryAsync<int>("SELECT 1"));
    }
}
