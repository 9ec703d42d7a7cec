namespace Databrain.Application.Common.Ports;

/// <summary>
/// Port: the request's unit of work, for a concern that must commit together with the request's write (a history
/// of changes, an outbox, an audit). Inside <see cref="RunAsync{T}"/> every write of every port (the use case's,
/// and the concern's own, through its own port) is part of one transaction, which commits only when the work says
/// so, and is rolled back otherwise. A unit of work inside another (a behavior inside another) joins it: the
/// outermost one commits. docs/adding-a-command.md, "A concern that writes with the request".
/// </summary>
public interface IUnitOfWork
{
    /// <param name="work">Runs the rest of the request (and the concern's own writes), and says whether to commit.</param>
    Task<T> RunAsync<T>(Func<Task<(T Value, bool Commit)>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> once the request's outermost unit of work has committed, after its connection
    /// is given back; never when it rolls back. Call it inside <see cref="RunAsync{T}"/>. A failure of the action is
    /// not the request's: the action handles its own.
    /// </summary>
    void AfterCommit(Func<Task> action);
}
