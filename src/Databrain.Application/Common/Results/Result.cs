using System.Diagnostics.CodeAnalysis;

namespace Databrain.Application.Common.Results;

/// <summary>The outcome of a request: a value, or an expected <see cref="Common.Results.Error"/>.</summary>
public sealed class Result<T> : IFailable<Result<T>>, IOutcome
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

#pragma warning disable CA1000 // Static members on generic types: the static abstract factory pattern needs them.
    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
#pragma warning restore CA1000

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
