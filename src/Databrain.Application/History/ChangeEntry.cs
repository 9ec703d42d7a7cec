using System.Globalization;

namespace Databrain.Application.History;

/// <summary>
/// A change record as the API answers it (docs/api.md, "History and change feed"): the sequence as a string, the time
/// in UTC, and who made it.
/// </summary>
public sealed record ChangeEntry(
    string Sequence,
    string WorkspaceId,
    string Name,
    string Operation,
    long Version,
    DateTime At,
    ChangeActor Actor,
    IReadOnlyList<string> Changed)
{
    public static ChangeEntry Of(ChangeRecord record) => new(
        record.Sequence.ToString(CultureInfo.InvariantCulture),
        record.WorkspaceId,
        record.Name,
        record.Operation,
        record.Version,
        record.At.UtcDateTime,
        new ChangeActor(record.TokenId, record.TokenLabel),
        record.Changed);
}
