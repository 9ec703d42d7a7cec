using Databrain.IntegrationTests.Support;

namespace Databrain.IntegrationTests.Http;

// Every HTTP test class, bound to each database provider. A new test class needs one line per provider here.
public sealed class CreateWorkspaceOnSqlite(SqliteApi api) : CreateWorkspaceTests(api);

public sealed class OrderOfChecksOnSqlite(SqliteApi api) : OrderOfChecksTests(api);

public sealed class AuthenticationOnSqlite(SqliteApi api) : AuthenticationTests(api);

public sealed class StrictReadingOnSqlite(SqliteApi api) : StrictReadingTests(api);

public sealed class ListWorkspacesOnSqlite(SqliteApi api) : ListWorkspacesTests(api);

public sealed class TenantIsolationOnSqlite(SqliteApi api) : TenantIsolationTests(api);

public sealed class ConcurrencyOnSqlite(SqliteApi api) : ConcurrencyTests(api);

public sealed class RoutingAndFaultsOnSqlite(SqliteApi api) : RoutingAndFaultTests(api);

public sealed class CreateWorkspaceOnSqlServer(SqlServerApi api) : CreateWorkspaceTests(api);

public sealed class OrderOfChecksOnSqlServer(SqlServerApi api) : OrderOfChecksTests(api);

public sealed class AuthenticationOnSqlServer(SqlServerApi api) : AuthenticationTests(api);

public sealed class StrictReadingOnSqlServer(SqlServerApi api) : StrictReadingTests(api);

public sealed class ListWorkspacesOnSqlServer(SqlServerApi api) : ListWorkspacesTests(api);

public sealed class TenantIsolationOnSqlServer(SqlServerApi api) : TenantIsolationTests(api);

public sealed class ConcurrencyOnSqlServer(SqlServerApi api) : ConcurrencyTests(api);

public sealed class RoutingAndFaultsOnSqlServer(SqlServerApi api) : RoutingAndFaultTests(api);

public sealed class BadInputOnSqlite(SqliteApi api) : BadInputTests(api);

public sealed class BadInputOnSqlServer(SqlServerApi api) : BadInputTests(api);

public sealed class AtomicWriteOnSqlite(SqliteApi api) : AtomicWriteTests(api);

public sealed class AtomicWriteOnSqlServer(SqlServerApi api) : AtomicWriteTests(api);

public sealed class FuzzOnSqlite(SqliteApi api) : FuzzTests(api);

public sealed class FuzzOnSqlServer(SqlServerApi api) : FuzzTests(api);

public sealed class DeleteWorkspaceOnSqlite(SqliteApi api) : DeleteWorkspaceTests(api);

public sealed class DeleteWorkspaceOnSqlServer(SqlServerApi api) : DeleteWorkspaceTests(api);

public sealed class UpdateAndReadWorkspaceOnSqlite(SqliteApi api) : UpdateAndReadWorkspaceTests(api);

public sealed class UpdateAndReadWorkspaceOnSqlServer(SqlServerApi api) : UpdateAndReadWorkspaceTests(api);

public sealed class TextAndQueryRulesOnSqlite(SqliteApi api) : TextAndQueryRulesTests(api);

public sealed class TextAndQueryRulesOnSqlServer(SqlServerApi api) : TextAndQueryRulesTests(api);

public sealed class BoundedErrorAnswersOnSqlite(SqliteApi api) : BoundedErrorAnswerTests(api);

public sealed class BoundedErrorAnswersOnSqlServer(SqlServerApi api) : BoundedErrorAnswerTests(api);

public sealed class IdempotencyOnSqlite(SqliteApi api) : IdempotencyTests(api);

public sealed class IdempotencyOnSqlServer(SqlServerApi api) : IdempotencyTests(api);

public sealed class CreateWorkspaceOnPostgreSql(PostgreSqlApi api) : CreateWorkspaceTests(api);

public sealed class OrderOfChecksOnPostgreSql(PostgreSqlApi api) : OrderOfChecksTests(api);

public sealed class AuthenticationOnPostgreSql(PostgreSqlApi api) : AuthenticationTests(api);

public sealed class StrictReadingOnPostgreSql(PostgreSqlApi api) : StrictReadingTests(api);

public sealed class ListWorkspacesOnPostgreSql(PostgreSqlApi api) : ListWorkspacesTests(api);

public sealed class TenantIsolationOnPostgreSql(PostgreSqlApi api) : TenantIsolationTests(api);

public sealed class ConcurrencyOnPostgreSql(PostgreSqlApi api) : ConcurrencyTests(api);

public sealed class RoutingAndFaultsOnPostgreSql(PostgreSqlApi api) : RoutingAndFaultTests(api);

public sealed class BadInputOnPostgreSql(PostgreSqlApi api) : BadInputTests(api);

public sealed class AtomicWriteOnPostgreSql(PostgreSqlApi api) : AtomicWriteTests(api);

public sealed class FuzzOnPostgreSql(PostgreSqlApi api) : FuzzTests(api);

public sealed class DeleteWorkspaceOnPostgreSql(PostgreSqlApi api) : DeleteWorkspaceTests(api);

public sealed class UpdateAndReadWorkspaceOnPostgreSql(PostgreSqlApi api) : UpdateAndReadWorkspaceTests(api);

public sealed class TextAndQueryRulesOnPostgreSql(PostgreSqlApi api) : TextAndQueryRulesTests(api);

public sealed class BoundedErrorAnswersOnPostgreSql(PostgreSqlApi api) : BoundedErrorAnswerTests(api);

public sealed class IdempotencyOnPostgreSql(PostgreSqlApi api) : IdempotencyTests(api);

// The retention tests move a clock by a day, and purge whatever expired by then: a database of their own.
public sealed class RetentionOnSqlite(OwnSqliteApi api) : Idempotency.RetentionTests(api), IClassFixture<OwnSqliteApi>;

public sealed class RetentionOnSqlServer(OwnSqlServerApi api) : Idempotency.RetentionTests(api), IClassFixture<OwnSqlServerApi>;

public sealed class RetentionOnPostgreSql(OwnPostgreSqlApi api) : Idempotency.RetentionTests(api), IClassFixture<OwnPostgreSqlApi>;
