using DbUp.Builder;
using Microsoft.Extensions.Logging;

namespace Databrain.Infrastructure.Persistence;

/// <summary>What the migrator needs of a provider: its DbUp target, its script folder, and any one-off preparation.</summary>
internal interface IMigrationTarget
{
    string ScriptFolder { get; }

    UpgradeEngineBuilder Deploy();

    /// <summary>Runs before the scripts, and may run in several instances at once (SQLite: switch the file to WAL; a server: create the database).</summary>
    void Prepare();

    /// <summary>Runs under the lock after the scripts (SQLite: turn on incremental vacuum, once; a server: nothing).</summary>
    void Finish(ILogger logger);

    /// <summary>
    /// Waits for, then holds until disposed, the database's migration lock, which every instance on that database
    /// sees (PostgreSQL: an advisory lock; SQL Server: an application lock; SQLite: a lock on a file beside the
    /// database). Fails with <see cref="DatabaseUnavailableException"/> when it cannot be had within
    /// <see cref="MigrationLock.Wait"/>.
    /// </summary>
    IDisposable Lock();
}
