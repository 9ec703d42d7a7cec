using Databrain.IntegrationTests.Support;

// One service and one database per provider for the whole run (each test makes its own organization).
[assembly: AssemblyFixture(typeof(SqliteApi))]
[assembly: AssemblyFixture(typeof(SqlServerApi))]
[assembly: AssemblyFixture(typeof(PostgreSqlApi))]
