using System.Runtime.Serialization;

namespace Databrain.Client;

/// <summary>How a workspace reaches its data. The same values serve create, update, read and the list's filter.</summary>
public enum ConnectionType
{
    /// <summary>One datasource of the organization (<c>DATASOURCE</c>), named by <c>DatasourceName</c>.</summary>
    [EnumMember(Value = "DATASOURCE")]
    Datasource,

    /// <summary>One datamart of the organization (<c>DATAMART</c>), named by <c>DatamartName</c>.</summary>
    [EnumMember(Value = "DATAMART")]
    Datamart,

    /// <summary>Several datasources (<c>MULTI_DATASOURCE</c>).</summary>
    [EnumMember(Value = "MULTI_DATASOURCE")]
    MultiDatasource,

    /// <summary>Several datamarts (<c>MULTI_DATAMART</c>).</summary>
    [EnumMember(Value = "MULTI_DATAMART")]
    MultiDatamart,
}
