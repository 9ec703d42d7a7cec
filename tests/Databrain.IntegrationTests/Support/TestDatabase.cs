using System.Data.Common;
using Databrain.Infrastructure.Persistence;

namespace Databrain.IntegrationTests.Support;

/// <summary>A real database for one test run: where it is, and why it cannot be had (then tests on it are skipped).</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Null when <see cref="SkipReason"/> is set.</summary>
    public abstract string? ConnectionString { get; }

    /// <summary>Why this provider's tests are skipped on this machine; null when the database is there.</summary>
    public virtual string? SkipReason => null;

    /// <summary>Where the database server listens, for a test that puts its own path (<see cref="TcpProxy"/>) in between; null for an embedded database.</summary>
    public virtual (string Host, int Port)? Server => null;

    /// <summary>This database's connection string, through another port of loopback (a test's proxy).</summary>
    public virtual string ConnectionStringVia(int port) => throw new NotSupportedException($"{Provider} has no server to reach.");

    /// <summary>A new connection of the provider's own driver, outside the service (to set up or check what a test needs).</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>Skips the calling test, pointing to the reason, when this database cannot be had here.</summary>
    public void SkipIfUnavailable() => Assert.SkipWhen(SkipReason is not null, ApiFixture.UnavailableHere(Provider));

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();
}
