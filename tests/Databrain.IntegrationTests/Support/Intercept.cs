using System.Reflection;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// A test double of a port that wraps every call of it (a real implementation, or none), written without
/// implementing the port's methods one by one: a port that gains a method does not break the tests that
/// fake or observe it.
/// </summary>
public static class Intercept
{
    /// <param name="inner">What the calls go to when <paramref name="around"/> calls on; null for a port that only fails.</param>
    /// <param name="around">Given each method and a way to call <paramref name="inner"/>, returns what the method returns.</param>
    public static T Around<T>(T? inner, Func<MethodInfo, Func<object?>, object?> around)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, Proxy<T>>();
        var intercept = (Proxy<T>)(object)proxy;
        intercept.Inner = inner;
        intercept.AroundCall = around;
        return proxy;
    }

    /// <summary>A port whose every method throws <paramref name="exception"/>.</summary>
    public static T Failing<T>(Exception exception)
        where T : class => Around<T>(null, (_, _) => throw exception);

#pragma warning disable CA1852 // DispatchProxy derives a type from it: it must not be sealed.
    private class Proxy<T> : DispatchProxy
#pragma warning restore CA1852
        where T : class
    {
        public T? Inner { get; set; }

        public Func<MethodInfo, Func<object?>, object?> AroundCall { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            return AroundCall(targetMethod, () =>
            {
                try
                {
                    return targetMethod.Invoke(Inner, args);
                }
                catch (TargetInvocationException ex) when (ex.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
                    throw;
                }
            });
        }
    }
}
