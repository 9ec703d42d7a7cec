using System.Runtime.Serialization;

namespace Databrain.Client;

/// <summary>What a change record records.</summary>
public enum ChangeOperation
{
    [EnumMember(Value = "create")]
    Create,

    [EnumMember(Value = "update")]
    Update,

    [EnumMember(Value = "delete")]
    Delete,
}

/// <summary>Who made a change: the service token's id and label.</summary>
public sealed record ChangeActor(string TokenId, string? Label);

/// <summary>
/// One change of a workspace. <see cref="Sequence"/> is the organization's own counter: 1 for its first record,
/// each one more than the one before, with no gaps.
/// </summary>
/// <param name="Version">The workspace's version after the change (for a delete, the version it had).</param>
/// <param name="Changed">The wire names of the fields whose stored value changed (for a delete, none).</param>
public sealed record ChangeRecord(
    long Sequence, string WorkspaceId, string Name, ChangeOperation Operation, long Version, DateTimeOffset At, ChangeActor Actor, IReadOnlyList<string> Changed);

/// <summary>Records in sequence order, and where the next call starts (<c>after: Next</c>).</summary>
public sealed record ChangePage(IReadOnlyList<ChangeRecord> Changes, long Next);
