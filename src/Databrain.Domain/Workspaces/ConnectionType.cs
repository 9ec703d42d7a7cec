namespace Databrain.Domain.Workspaces;

public enum ConnectionType
{
    Datasource,
    Datamart,
    MultiDatasource,
    MultiDatamart,
}
