namespace Databrain.Infrastructure.Persistence;

/// <summary>How long an instance waits for another one's migrations.</summary>
internal static class MigrationLock
{
    /// <summary>Ten times the command timeout, at least a minute: long migrations are the other instance's to finish.</summary>
    public static TimeSpan Wait(int commandTimeoutSeconds) => TimeSpan.FromSeconds(Math.Max(60, 10 * commandTimeoutSeconds));

    /// <summary>The message when the wait was in vain.</summary>
    public static string NotHad(TimeSpan waited) =>
        $"Another instance has held the migration lock for {waited.TotalSeconds:0} s. Let its migrations finish (or stop it), then start this one again.";
}
