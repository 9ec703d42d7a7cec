using Databrain.Application.Common;

namespace Databrain.Application.Workspaces;

/// <summary>One version of one workspace: its public id and version number. It travels in headers (ETag, If-Match), never in a body.</summary>
public sealed record WorkspaceVersion(string WorkspaceId, long Version) : IHeaderValue;
