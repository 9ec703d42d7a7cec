namespace Databrain.Domain.Common;

/// <summary>
/// A value that may be left out, as distinct from one given as null: an update leaves a field out to keep it,
/// and gives null to clear it. <c>default</c> is "left out".
/// </summary>
public readonly record struct Optional<T>
{
    private Optional(T value)
    {
        IsGiven = true;
        Value = value;
    }

    public bool IsGiven { get; }

    /// <summary>The value given; <c>default</c> when <see cref="IsGiven"/> is false.</summary>
    public T Value { get; }

#pragma warning disable CA1000 // Static members on generic types: the natural way to name the given state.
    public static Optional<T> Given(T value) => new(value);
#pragma warning restore CA1000

    public Optional<TResult> Map<TResult>(Func<T, TResult> map)
    {
        return IsGiven ? Optional<TResult>.Given(map(Value)) : default;
    }

    /// <summary>Without the value: requests that carry client data must never print it to the logs.</summary>
    public override string ToString() => IsGiven ? "Given" : "LeftOut";
}
