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

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();
}
