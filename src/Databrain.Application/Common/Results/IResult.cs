using Databrain.Application.Common.Ports;

namespace Databrain.Application.Common.Results;

/// <summary>
/// What the pipeline behaviors need of a response, without reflection or <c>dynamic</c>: how it ended, a
/// failure of its type (for a behavior that stops the request), and a form that can be remembered under an
/// idempotency key and given again, as the same answer, to a retry.
/// </summary>
public interface IResult<TSelf>
    where TSelf : IResult<TSelf>
{
    /// <summary>The error, or null for a success.</summary>
    Error? Error { get; }

    bool IsReplayed { get; }

    static abstract TSelf Failure(Error error);

    static abstract TSelf Replay(StoredAnswer answer);

    (string? ErrorCode, string? ErrorMessage, string? ValueJson) ToStored();
}
