using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.Http;

/// <summary>
/// Binds a query parameter as sent: absent is null, and <c>?name=</c> is the empty string (MVC's own binding
/// would turn it into null, which would make <c>GET ?name=</c> a list instead of a read with an invalid name).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RawQueryAttribute : ModelBinderAttribute
{
    public RawQueryAttribute()
        : base(typeof(Binder))
    {
        BindingSource = BindingSource.Query;
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.HttpContext.Request.Query[bindingContext.ModelName];
            bindingContext.Result = ModelBindingResult.Success(values.Count == 0 ? null : values[0]);
            return Task.CompletedTask;
        }
    }
}
