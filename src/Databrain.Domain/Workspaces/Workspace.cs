using Databrain.Domain.Common;

namespace Databrain.Domain.Workspaces;

/// <summary>
/// A workspace of an organization, with references already resolved to the organization's catalog ids.
/// Built only through <see cref="Create"/>, which enforces the rules that hold whatever the storage is.
/// </summary>
public sealed class Workspace
{
    /// <summary>The version of a new workspace; each successful update adds one.</summary>
    public const long FirstVersion = 1;

    private Workspace(
        string publicId,
        long organizationId,
        string name,
        ConnectionType connectionType,
        long? datasourceId,
        long? datamartId,
        WorkspaceAiSettings ai,
        long? themeId)
    {
        PublicId = publicId;
        OrganizationId = organizationId;
        Name = name;
        ConnectionType = connectionType;
        DatasourceId = datasourceId;
        DatamartId = datamartId;
        Ai = ai;
        ThemeId = themeId;
    }

    /// <summary>
    /// The id clients see (a UUIDv7 string): never reused, and unlike the storage's integer key, it does not reveal
    /// how many workspaces other organizations create.
    /// </summary>
    public string PublicId { get; }

    public long OrganizationId { get; }

    public string Name { get; }

    public ConnectionType ConnectionType { get; }

    /// <summary>Set exactly when <see cref="ConnectionType"/> is <see cref="ConnectionType.Datasource"/>.</summary>
    public long? DatasourceId { get; }

    /// <summary>Set exactly when <see cref="ConnectionType"/> is <see cref="ConnectionType.Datamart"/>.</summary>
    public long? DatamartId { get; }

    public WorkspaceAiSettings Ai { get; }

    public long? ThemeId { get; }

    public static Workspace Create(
        long organizationId,
        string name,
        ConnectionType connectionType,
        long? datasourceId,
        long? datamartId,
        WorkspaceAiSettings ai,
        long? themeId)
    {
        if (NameRule.FindProblem(name) is { } problem)
        {
            throw new DomainRuleException($"A workspace name {problem}.");
        }

        CheckConnection(connectionType, datasourceId, datamartId);
        return new Workspace(Guid.CreateVersion7().ToString(), organizationId, name, connectionType, datasourceId, datamartId, ai, themeId);
    }

    /// <summary>The connection rule, for a new workspace and for an update (which replaces the connection whole).</summary>
    internal static void CheckConnection(ConnectionType connectionType, long? datasourceId, long? datamartId)
    {
        if ((connectionType == ConnectionType.Datasource) != datasourceId.HasValue)
        {
            throw new DomainRuleException("A workspace has a datasource exactly when its connection type is DATASOURCE.");
        }

        if ((connectionType == ConnectionType.Datamart) != datamartId.HasValue)
        {
            throw new DomainRuleException("A workspace has a datamart exactly when its connection type is DATAMART.");
        }
    }
}
