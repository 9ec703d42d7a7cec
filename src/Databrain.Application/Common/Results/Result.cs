using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Databrain.Application.Common.Ports;

namespace Databrain.Application.Common.Results;

/// <summary>The outcome of a request: a value, or an expected <see cref="Common.Results.Error"/>.</summary>
public sealed class Result<T> : IResult<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value ({Error.Code}).");

    /// <summary>True for the remembered answer of an earlier request with the same idempotency key.</summary>
    public bool IsReplayed { get; private init; }

#pragma warning disable CA1000 // Static members on generic types: the static abstract factory pattern needs them.
    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static Result<T> Replay(StoredAnswer answer)
    {
        var result = answer.ErrorCode is { } code
            ? Failure(new Error(code, answer.ErrorMessage ?? string.Empty))
            : Success(JsonSerializer.Deserialize<T>(answer.ValueJson!)!);
        return new Result<T>(result._value, result.Error) { IsReplayed = true };
    }
#pragma warning restore CA1000

    /// <summary>The outcome to remember: an error's code and message (stored errors have no details), or the value as JSON.</summary>
    public (string? ErrorCode, string? ErrorMessage, string? ValueJson) ToStored() =>
        IsSuccess ? (null, null, JsonSerializer.Serialize(_value)) : (Error.Code, Error.Message, null);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
