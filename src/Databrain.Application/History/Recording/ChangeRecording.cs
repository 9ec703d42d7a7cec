using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History.Ports;
using MediatR;

namespace Databrain.Application.History.Recording;

/// <summary>
/// Records the changes a write's use case reported (<see cref="ChangeLog"/>), one record each, in the request's unit
/// of work: the change and its record commit together or not at all. A concern that writes with the request, so
/// registered by convention inside the idempotency step: a replay runs no use case and records nothing; a rejected
/// write reports no change. Once the request's writes committed, each record is published (<see cref="WorkspaceChanged"/>).
/// </summary>
public sealed class ChangeRecording<TRequest, TResponse>(
    IUnitOfWork unitOfWork, CallerContext caller, ChangeLog changes, IChangeRecords records, ChangePublisher publisher, HistoryOptions options, TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IWriteRequest
    where TResponse : IResult<TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        unitOfWork.RunAsync(
            async () =>
            {
                var result = await next();
                var token = caller.Token!;
                foreach (var change in changes.TakeAll())
                {
                    var record = await records.AppendAsync(token.OrganizationId, change, token.Id, token.Label, time.GetUtcNow(), cancellationToken);
                    unitOfWork.AfterCommit(() => publisher.PublishAsync(record));
                    if (options.DelayAfterSequenceMilliseconds > 0)
                    {
                        // Tests only: widens the window between taking a sequence and committing (ChangeFeedOrderTests).
                        await Task.Delay(TimeSpan.FromMilliseconds(options.DelayAfterSequenceMilliseconds), time, cancellationToken);
                    }
                }

                return (result, true);
            },
            cancellationToken);
}
