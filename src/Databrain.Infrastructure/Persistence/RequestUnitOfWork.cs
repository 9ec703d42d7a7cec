using Databrain.Application.Common.Ports;

namespace Databrain.Infrastructure.Persistence;

/// <summary>The request's unit of work: its writes together (<see cref="WriteScope.RunTogetherAsync"/>).</summary>
internal sealed class RequestUnitOfWork(WriteScope writes) : IUnitOfWork
{
    public Task<T> RunAsync<T>(Func<Task<(T Value, bool Commit)>> work, CancellationToken cancellationToken) =>
        writes.RunTogetherAsync(
            async commit =>
            {
                var (value, shouldCommit) = await work();
                if (shouldCommit)
                {
                    await commit(cancellationToken);
                }

                return value;
            },
            cancellationToken);

    public void AfterCommit(Func<Task> action) => writes.AfterCommit(action);
}
