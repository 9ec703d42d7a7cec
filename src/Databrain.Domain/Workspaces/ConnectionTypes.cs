namespace Databrain.Domain.Workspaces;

/// <summary>The one place that maps <see cref="ConnectionType"/> to and from its wire spelling.</summary>
public static class ConnectionTypes
{
    private static readonly WireSpelling<ConnectionType> Spelling = new(
        (ConnectionType.Datasource, "DATASOURCE"),
        (ConnectionType.Datamart, "DATAMART"),
        (ConnectionType.MultiDatasource, "MULTI_DATASOURCE"),
        (ConnectionType.MultiDatamart, "MULTI_DATAMART"));

    public static IReadOnlyList<string> WireNames => Spelling.WireNames;

    public static string ToWire(this ConnectionType value) => Spelling.ToWire(value);

    public static bool TryParse(string? wire, out ConnectionType value) => Spelling.TryParse(wire, out value);
}
