using MediatR;
using Microsoft.Extensions.Logging;

namespace Databrain.Application.History.Recording;

/// <summary>
/// Hands a committed change to every <see cref="INotificationHandler{WorkspaceChanged}"/>, one after another, each on
/// its own: one that throws is logged and the next still runs (MediatR 5's own publish stops at the first failure).
/// </summary>
public sealed partial class ChangePublisher(IEnumerable<INotificationHandler<WorkspaceChanged>> handlers, ILogger<ChangePublisher> logger)
{
    public async Task PublishAsync(ChangeRecord record)
    {
        var notification = new WorkspaceChanged(record);
        foreach (var handler in handlers)
        {
            try
            {
                // The request may be over: the handler gets its own time, not the request's cancellation.
                await handler.Handle(notification, CancellationToken.None);
            }
#pragma warning disable CA1031 // Another team's handler: whatever it throws is logged, and never reaches the request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, handler.GetType().Name, record.Sequence, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler {Handler} failed on change record {Sequence}; the change stands")]
    private static partial void LogFailed(ILogger logger, string handler, long sequence, Exception exception);
}
