using MediatR;

namespace Databrain.Application.History;

/// <summary>
/// Published in-process after a change and its record committed: another team's code reacts to changes with an
/// <c>INotificationHandler&lt;WorkspaceChanged&gt;</c>, without touching the use cases. A handler that throws is
/// logged; the answer to the request does not change.
/// </summary>
public sealed record WorkspaceChanged(ChangeRecord Record) : INotification;
