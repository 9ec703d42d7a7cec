using Databrain.Application.Common.Security;

namespace Databrain.Application.Common.Idempotency;

/// <summary>
/// A write that a retry with the same <see cref="IdempotencyKey"/> must not repeat: the idempotency behavior runs
/// for it (a generic constraint), so that a command opts in with this marker and its handler holds no code for it.
/// </summary>
public interface IIdempotent : IOrganizationScoped
{
    IdempotencyKey? IdempotencyKey { get; }
}
