namespace Databrain.Application.History;

/// <summary>Records as read, and the organization's purge mark: the highest sequence the retention purge removed.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeRecord> Records, long PurgedThrough);
