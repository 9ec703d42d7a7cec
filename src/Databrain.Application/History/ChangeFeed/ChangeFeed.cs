using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History.Ports;
using Databrain.Application.History.Reading;
using FluentValidation;
using MediatR;

namespace Databrain.Application.History.ChangeFeed;

/// <summary>
/// GET /api/v2/workspace/changes: the organization's change records after <see cref="After"/>, in sequence order, at
/// most <see cref="Limit"/>. A reader that calls again with <c>after=next</c> sees every record once, in order.
/// </summary>
[Answers(Errors.ChangeFeedCursorExpiredCode)]
public sealed record ChangeFeedQuery(string? After, string? Limit) : IRequest<Result<ChangesPage>>, IOrganizationScoped;

public sealed class ChangeFeedValidator : AbstractValidator<ChangeFeedQuery>
{
    public ChangeFeedValidator()
    {
        RuleFor(q => q.After).Must(v => ChangeCursor.TryParseAfter(v, out _)).WithMessage(ChangeCursor.AfterRule);
        RuleFor(q => q.Limit).Must(v => ChangeCursor.TryParseLimit(v, out _)).WithMessage(ChangeCursor.LimitRule);
    }
}

public sealed class ChangeFeedHandler(CallerContext caller, IChangeRecords records) : IRequestHandler<ChangeFeedQuery, Result<ChangesPage>>
{
    public Task<Result<ChangesPage>> Handle(ChangeFeedQuery request, CancellationToken cancellationToken) =>
        ChangeCursor.ReadAsync(records, caller.RequiredOrganizationId, request.After, request.Limit, name: null, cancellationToken);
}
