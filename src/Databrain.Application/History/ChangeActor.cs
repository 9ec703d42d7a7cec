namespace Databrain.Application.History;

/// <summary>Who made a change: the service token's id and label (never the token itself).</summary>
public sealed record ChangeActor(string TokenId, string? Label);
