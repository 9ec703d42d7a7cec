namespace Databrain.Infrastructure.Persistence;

/// <summary>The database could not be reached or brought up to date; the message says what to check.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
