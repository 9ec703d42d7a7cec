namespace Databrain.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section; the connection string is <c>ConnectionStrings:Databrain</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Databrain";

    /// <summary><c>Sqlite</c> (the embedded default), <c>SqlServer</c> or <c>PostgreSql</c> (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long one database command may take before it fails (and the request with it).</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;
}
