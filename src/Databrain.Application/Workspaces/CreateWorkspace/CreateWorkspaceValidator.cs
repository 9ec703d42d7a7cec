using Databrain.Application.Workspaces.Rules;

namespace Databrain.Application.Workspaces.CreateWorkspace;

/// <summary>The field rules of the contract (section 3), as every workspace body has them.</summary>
public sealed class CreateWorkspaceValidator : WorkspaceFieldRules<CreateWorkspaceCommand>;
