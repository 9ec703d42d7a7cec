namespace Databrain.Application.Common.Security;

/// <summary>What a token may do: <see cref="Write"/> everything, <see cref="Read"/> only reads (docs/api.md, "Service tokens").</summary>
public enum TokenScope
{
    Write,
    Read,
}
