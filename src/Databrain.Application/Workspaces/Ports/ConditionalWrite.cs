namespace Databrain.Application.Workspaces.Ports;

/// <summary>The outcome of a write that needs the workspace to exist, and maybe to have a given version.</summary>
public sealed record ConditionalWrite<T>(bool IsDone, T? Value, long? CurrentVersion)
{
#pragma warning disable CA1000 // Static members on generic types: named constructors of the two outcomes.
    public static ConditionalWrite<T> Done(T value) => new(true, value, null);

    /// <param name="currentVersion">The stored version that did not match; null when the workspace does not exist.</param>
    public static ConditionalWrite<T> Refused(long? currentVersion) => new(false, default, currentVersion);
#pragma warning restore CA1000
}
