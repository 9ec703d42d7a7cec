using System.Collections.Concurrent;
using System.Diagnostics;
using Databrain.Infrastructure.Persistence.Tracing;
using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Persistence;

/// <summary>
/// Says once per run whether a server provider's cases run: skipped with the full reason (and how to enable
/// them) where that database cannot be had; where it can, its database answers, traced as one client span that
/// follows the OpenTelemetry conventions.
/// </summary>
public abstract class ProviderAvailabilityTests(ApiFixture api, string system)
{
    [Fact]
    public async Task TheDatabase_IsAvailable_AndAnswers_InOneConventionalSpan()
    {
        Assert.SkipWhen(api.Database.SkipReason is not null, api.Database.SkipReason ?? string.Empty);
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DatabaseTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        Assert.Equal([1], await api.QueryAsync<int>("SELECT 1 AS AvailabilityProbe"));

        var probe = Assert.Single(spans, s => ((string?)s.GetTagItem("db.query.text"))?.Contains("AvailabilityProbe", StringComparison.Ordinal) == true);
        Assert.Equal((system, "SELECT"), (probe.GetTagItem("db.system.name"), probe.GetTagItem("db.operation.name")));
    }
}

public sealed class AvailabilityOnSqlServer(SqlServerApi api) : ProviderAvailabilityTests(api, DatabaseTelemetry.SqlServer);

public sealed class AvailabilityOnPostgreSql(PostgreSqlApi api) : ProviderAvailabilityTests(api, DatabaseTelemetry.PostgreSql);
