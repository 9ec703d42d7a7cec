namespace Databrain.Application.Common.Results;

/// <summary>A response that says how the request ended: its error, or null for success.</summary>
public interface IOutcome
{
    Error? Error { get; }
}
