namespace Databrain.Application.Common.Results;

/// <summary>An answer that carries one workspace: the host sends its version as the <c>ETag</c> (contract, section 4e).</summary>
public interface IVersioned
{
    long Version { get; }
}
