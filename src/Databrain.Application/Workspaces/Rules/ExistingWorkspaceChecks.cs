using Databrain.Application.Common.Results;
using Databrain.Application.Workspaces.Ports;

namespace Databrain.Application.Workspaces.Rules;

/// <summary>The checks of an existing workspace that update and delete share: it exists, and it has the version asked for.</summary>
public static class ExistingWorkspaceChecks
{
    /// <summary>The error for a workspace that is missing or (with <paramref name="expected"/>) at another version; null when it may be written.</summary>
    public static Error? Check(string name, StoredWorkspace? stored, ExpectedVersion? expected)
    {
        if (stored is null)
        {
            return Errors.WorkspaceDoesNotExist(name);
        }

        return expected is null || expected.IsMetBy(stored.PublicId, stored.Version)
            ? null
            : Errors.WorkspaceVersionMismatch(name, stored.Version);
    }

    /// <summary>The answer to a conditional write: its value, or why the workspace could not be written.</summary>
    public static Result<TAnswer> ToResult<T, TAnswer>(this ConditionalWrite<T> write, string name, Func<T, TAnswer> answer)
    {
        if (write.IsDone)
        {
            return Result<TAnswer>.Success(answer(write.Value!));
        }

        return write.CurrentVersion is { } current ? Errors.WorkspaceVersionMismatch(name, current) : Errors.WorkspaceDoesNotExist(name);
    }
}
