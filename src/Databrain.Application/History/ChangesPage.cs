namespace Databrain.Application.History;

/// <summary>
/// An answer of the feed or of a history: the records, and <see cref="Next"/>, the <c>after</c> of the next call (the
/// last sequence here, or the <c>after</c> of this call when there is none).
/// </summary>
public sealed record ChangesPage(IReadOnlyList<ChangeEntry> Changes, string Next);
