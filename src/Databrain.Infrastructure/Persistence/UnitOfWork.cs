namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// Runs a whole unit of work (its own transaction, begun, written and committed by the attempt) again when the
/// server ended it with nothing committed: a deadlock victim, a serialization failure, a connection lost
/// before the commit was sent (<see cref="ISqlDialect.NothingWasCommitted"/>). A failure after the commit was
/// sent, or a timeout, is never retried: whether that write landed is unknown, and a create run again would
/// answer WORKSPACE_NAME_ALREADY_EXISTS for the caller's own workspace. Only the owner of a transaction runs
/// it here (an unkeyed write; for a keyed write, the idempotency step), never a part of someone else's.
/// </summary>
internal static class UnitOfWork
{
    /// <summary>Attempts in all: a unit of work chosen as a deadlock victim three times in a row fails.</summary>
    public const int MaxAttempts = 3;

    /// <param name="attempt">One whole attempt; it reports through <see cref="Attempt.CommitSent"/> once it asked for the commit.</param>
    public static async Task<T> RunAsync<T>(ISqlDialect dialect, Func<Attempt, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var current = new Attempt();
            try
            {
                return await attempt(current);
            }
            catch (Exception ex) when (number < MaxAttempts && !current.CommitSent && dialect.NothingWasCommitted(ex))
            {
                // Two victims of one deadlock that both come straight back would likely meet again: a short,
                // random pause sets them apart.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50) * number), cancellationToken);
            }
        }
    }

    /// <summary>What the retry needs to know of one attempt.</summary>
    public sealed class Attempt
    {
        /// <summary>Set just before the commit is sent: from then on the outcome is unknown if it fails.</summary>
        public bool CommitSent { get; set; }
    }
}
