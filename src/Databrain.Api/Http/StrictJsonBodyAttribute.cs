using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.Http;

/// <summary>Binds a parameter from the request body with <see cref="StrictJsonReader"/> and the body limits of the contract.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class StrictJsonBodyAttribute : ModelBinderAttribute
{
    public StrictJsonBodyAttribute()
        : base(typeof(StrictJsonBodyBinder))
    {
        BindingSource = BindingSource.Body;
    }
}
