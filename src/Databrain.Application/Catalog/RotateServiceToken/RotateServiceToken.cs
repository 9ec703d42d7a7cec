using Databrain.Application.Catalog.IssueServiceToken;
using Databrain.Application.Catalog.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Catalog.RotateServiceToken;

/// <summary>
/// Admin: issue a new token with the organization, label and scope of token <see cref="Id"/>, and let the old one
/// end after a grace period, so that a deployment can switch without a gap: the old token's expiry becomes the
/// earlier of its own and now plus the grace (24 hours by default; 0 ends it at once). The new token has no
/// expiry unless <see cref="ExpiresInDays"/> is given. A revoked or expired token is not rotated.
/// </summary>
public sealed record RotateServiceTokenCommand(string Id, int? GraceHours = null, int? ExpiresInDays = null) : IRequest<Result<RotatedServiceToken>>;

/// <summary>The successor (its secret shown once), and when the rotated token now ends.</summary>
public sealed record RotatedServiceToken(IssuedServiceToken Successor, DateTimeOffset RotatedEndsAt);

public sealed class RotateServiceTokenValidator : AbstractValidator<RotateServiceTokenCommand>
{
    public const int DefaultGraceHours = 24;
    public const int MaxGraceHours = 8760;

    public RotateServiceTokenValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage(RuleMessages.IsRequired);
        RuleFor(c => c.GraceHours).InclusiveBetween(0, MaxGraceHours).WithMessage($"must be a whole number of hours from 0 to {MaxGraceHours}").OverridePropertyName("grace");
        RuleFor(c => c.ExpiresInDays).IsALifetime().OverridePropertyName("expires-in");
    }
}

public sealed class RotateServiceTokenHandler(ICatalogStore catalog, TimeProvider time) : IRequestHandler<RotateServiceTokenCommand, Result<RotatedServiceToken>>
{
    public async Task<Result<RotatedServiceToken>> Handle(RotateServiceTokenCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var old = await catalog.FindServiceTokenAsync(request.Id, cancellationToken);
        if (old is null)
        {
            return Errors.UnknownServiceToken(request.Id);
        }

        if (!old.IsUsableAt(now))
        {
            return Errors.ServiceTokenEnded(request.Id);
        }

        var graceEnds = now.AddHours(request.GraceHours ?? RotateServiceTokenValidator.DefaultGraceHours);
        var oldExpiresAt = old.ExpiresAt is { } own && own < graceEnds ? own : graceEnds;
        var secret = ServiceTokenSecrets.New();
        var replacement = new NewServiceToken(
            ServiceTokenIds.New(), ServiceTokenHash.Of(secret), old.Label, old.Scope, request.ExpiresInDays is { } days ? now.AddDays(days) : null);
        return await catalog.RotateServiceTokenAsync(request.Id, oldExpiresAt, replacement, cancellationToken)
            ? new RotatedServiceToken(new IssuedServiceToken(secret, replacement.Id, replacement.Label, replacement.Scope, replacement.ExpiresAt), oldExpiresAt)
            : Errors.ServiceTokenEnded(request.Id);
    }
}
