namespace Databrain.Client;

/// <summary>
/// A field of an update that is either left out (the default: the stored value stays) or given, null included (a
/// null clears). <c>LlmName = "gpt-4o"</c> and <c>LlmName = null</c> give it; a list is given with
/// <c>AiCopilotLlms = new(["gpt-4o"])</c> or <c>new(workspace.AiCopilotLlms)</c> (C# converts nothing to or from an
/// interface implicitly).
/// </summary>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>The field given, with this value.</summary>
    public Optional(T value)
    {
        _value = value;
        IsGiven = true;
    }

    /// <summary>Whether the field is sent.</summary>
    public bool IsGiven { get; }

    /// <summary>The value sent; only when <see cref="IsGiven"/>.</summary>
    public T Value => IsGiven ? _value : throw new InvalidOperationException("This field is left out: it has no value.");

    public static implicit operator Optional<T>(T value) => new(value);

    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    public bool Equals(Optional<T> other) => IsGiven == other.IsGiven && EqualityComparer<T>.Default.Equals(_value, other._value);

    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    public override int GetHashCode() => IsGiven ? HashCode.Combine(true, _value) : 0;

    public override string ToString() => IsGiven ? $"{_value}" : "(left out)";
}
