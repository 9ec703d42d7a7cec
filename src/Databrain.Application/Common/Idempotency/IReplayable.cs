using Databrain.Application.Common.Ports;

namespace Databrain.Application.Common.Idempotency;

/// <summary>A response that can be remembered under an idempotency key and given again, as the same answer, to a retry.</summary>
public interface IReplayable<out TSelf>
    where TSelf : IReplayable<TSelf>
{
    bool IsReplayed { get; }

    static abstract TSelf Replay(StoredAnswer answer);

    (string? ErrorCode, string? ErrorMessage, string? ValueJson) ToStored();
}
