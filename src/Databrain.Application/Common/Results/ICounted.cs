namespace Databrain.Application.Common.Results;

/// <summary>An answer that is a page of a longer list: the host sends the number of all matches as <c>X-Total-Count</c>.</summary>
public interface ICounted
{
    /// <summary>How many items match, over every page; null for an answer that is the whole list.</summary>
    long? TotalCount { get; }
}
