namespace Databrain.Application.Common.Results;

/// <summary>
/// A response type that can stand for a failure. Pipeline behaviors that stop a request build their
/// failed response through this static factory, without reflection or <c>dynamic</c>.
/// </summary>
public interface IFailable<out TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf Failure(Error error);
}
