using System.Text.Json.Serialization;

namespace Databrain.Application.Workspaces;

/// <summary>
/// Read model of one listed workspace; <see cref="ConnectionType"/> is the wire spelling. A value, not an object: a
/// whole list of a large organization is tens of thousands of them. (A struct has a constructor without
/// parameters, so its properties are marked as always present, as the API reference says they are.)
/// </summary>
public readonly record struct WorkspaceListItem([property: JsonRequired] string Name, [property: JsonRequired] string ConnectionType);
