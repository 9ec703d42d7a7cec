namespace Databrain.Application.History;

/// <summary>
/// A stored change record (docs/api.md, "History and change feed"): the organization's <see cref="Sequence"/>, the
/// change, when it committed's clock said (<see cref="At"/>), and the token that made it.
/// </summary>
public sealed record ChangeRecord(
    long Sequence,
    string WorkspaceId,
    string Name,
    string Operation,
    long Version,
    DateTimeOffset At,
    string TokenId,
    string? TokenLabel,
    IReadOnlyList<string> Changed);
