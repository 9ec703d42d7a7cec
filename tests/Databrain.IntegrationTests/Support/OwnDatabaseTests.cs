namespace Databrain.IntegrationTests.Support;

/// <summary>
/// Base of a test class that needs a database of its own (a fresh schema: migrations, an upgrade, a crash), once
/// per provider; its cases are skipped, with the reason, where that provider's database cannot be had.
/// </summary>
public abstract class OwnDatabaseTests(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;

    public virtual async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Database.SkipIfUnavailable();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeOwnAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>What the test class started on the database (a service, a proxy, files), ended before the database is dropped.</summary>
    protected virtual ValueTask DisposeOwnAsync() => ValueTask.CompletedTask;
}
