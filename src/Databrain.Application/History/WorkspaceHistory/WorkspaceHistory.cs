using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Common.Validation;
using Databrain.Application.History.Ports;
using Databrain.Application.History.Reading;
using Databrain.Application.Workspaces.Rules;
using FluentValidation;
using MediatR;

namespace Databrain.Application.History.WorkspaceHistory;

/// <summary>
/// GET /api/v2/workspace/history?name=…: the change records of the workspaces that had this exact name (deleted
/// ones too), oldest first, after <see cref="After"/>, at most <see cref="Limit"/>. An unknown name has no records.
/// </summary>
[Answers(Errors.ChangeFeedCursorExpiredCode)]
public sealed record WorkspaceHistoryQuery(string? Name, string? After, string? Limit) : IRequest<Result<ChangesPage>>, IOrganizationScoped;

public sealed class WorkspaceHistoryValidator : AbstractValidator<WorkspaceHistoryQuery>
{
    public WorkspaceHistoryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Name).NotNull().WithMessage(RuleMessages.IsRequired).FollowsNameRule();
        RuleFor(q => q.After).Must(v => ChangeCursor.TryParseAfter(v, out _)).WithMessage(ChangeCursor.AfterRule);
        RuleFor(q => q.Limit).Must(v => ChangeCursor.TryParseLimit(v, out _)).WithMessage(ChangeCursor.LimitRule);
    }
}

public sealed class WorkspaceHistoryHandler(CallerContext caller, IChangeRecords records) : IRequestHandler<WorkspaceHistoryQuery, Result<ChangesPage>>
{
    public Task<Result<ChangesPage>> Handle(WorkspaceHistoryQuery request, CancellationToken cancellationToken) =>
        ChangeCursor.ReadAsync(records, caller.RequiredOrganizationId, request.After, request.Limit, request.Name, cancellationToken);
}
