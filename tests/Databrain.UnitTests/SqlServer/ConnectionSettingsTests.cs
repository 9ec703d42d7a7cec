using Databrain.Infrastructure.Persistence.SqlServer;
using Microsoft.Data.SqlClient;

namespace Databrain.UnitTests.SqlServer;

/// <summary>
/// What bounds the time an unreachable SQL Server takes to fail (about 20 s: three tries of 6 s, waits of at most
/// 4 s), checked on the settings rather than with a clock, which a busy machine would make fail.
/// </summary>
public sealed class ConnectionSettingsTests
{
    [Fact]
    public void WithoutAConnectTimeout_SixSecondsAreUsed()
    {
        var database = new SqlServerDatabase("Server=db.example.com;Database=Databrain;User Id=u;Password=p", 30);

        Assert.Equal(SqlServerDatabase.DefaultConnectTimeoutSeconds, new SqlConnectionStringBuilder(database.ConnectionString).ConnectTimeout);
        Assert.Equal(6, SqlServerDatabase.DefaultConnectTimeoutSeconds);
    }

    [Fact]
    public void AConnectTimeoutOfTheOperators_IsKept()
    {
        var database = new SqlServerDatabase("Server=db.example.com;Database=Databrain;Connect Timeout=15", 30);

        Assert.Equal(15, new SqlConnectionStringBuilder(database.ConnectionString).ConnectTimeout);
    }

    [Fact]
    public void OpeningIsTriedThreeTimes_WithWaitsOfAtMostFourSeconds() =>
        Assert.Equal((3, TimeSpan.FromSeconds(4)), (SqlServerDatabase.OpenRetry.NumberOfTries, SqlServerDatabase.OpenRetry.MaxTimeInterval));
}
