using System.Data.Common;

namespace Databrain.Infrastructure.Persistence;

/// <summary>The few places where SQLite and SQL Server differ; every other SQL statement is shared.</summary>
internal interface ISqlDialect
{
    /// <summary>A clause, placed after ORDER BY, that skips <c>@Skip</c> rows and keeps <c>@Take</c>.</summary>
    string PagingClause { get; }

    /// <summary>An expression for the current UTC time, stored as the provider stores CreatedAt.</summary>
    string UtcNow { get; }

    /// <summary>An expression for the number of rows the previous statement of the batch changed.</summary>
    string RowsAffected { get; }

    /// <summary>Whether the exception is a unique-key violation (a lost race on a unique index).</summary>
    bool IsUniqueViolation(DbException exception);
}
