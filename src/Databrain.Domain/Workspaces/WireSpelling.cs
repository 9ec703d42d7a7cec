namespace Databrain.Domain.Workspaces;

/// <summary>A two-way, exact (ordinal, case-sensitive) table between enum values and their wire names.</summary>
internal sealed class WireSpelling<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _toWire;
    private readonly Dictionary<string, TEnum> _fromWire;

    public WireSpelling(params (TEnum Value, string Wire)[] pairs)
    {
        _toWire = pairs.ToDictionary(p => p.Value, p => p.Wire);
        _fromWire = pairs.ToDictionary(p => p.Wire, p => p.Value, StringComparer.Ordinal);
        if (_toWire.Count != Enum.GetValues<TEnum>().Length)
        {
            throw new InvalidOperationException($"Every {typeof(TEnum).Name} value needs exactly one wire name.");
        }

        WireNames = pairs.Select(p => p.Wire).ToArray();
    }

    public IReadOnlyList<string> WireNames { get; }

    public string ToWire(TEnum value) =>
        _toWire.TryGetValue(value, out var wire) ? wire : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public bool TryParse(string? wire, out TEnum value)
    {
        value = default;
        return wire is not null && _fromWire.TryGetValue(wire, out value);
    }
}
