namespace Databrain.Api.Http;

/// <summary>
/// A request body as <see cref="StrictJsonBodyBinder"/> accepted it: <see cref="Value"/> for the command, and the
/// decoded <see cref="Bytes"/>, which an <c>Idempotency-Key</c>'s fingerprint includes (<see cref="RequestFingerprint"/>).
/// The API reference describes the body as <typeparamref name="T"/> (<see cref="OpenApi.JsonBodyDescriptions"/>).
/// </summary>
public sealed record JsonBody<T>(T Value, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Without values: frameworks log arguments at Debug level, and request bodies must never reach the logs.</summary>
    public override string ToString() => $"JsonBody<{typeof(T).Name}>";
}
