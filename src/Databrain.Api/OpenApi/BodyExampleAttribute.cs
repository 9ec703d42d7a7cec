namespace Databrain.Api.OpenApi;

/// <summary>
/// An example of an action's JSON body for the API reference (<see cref="RequestExamplesTransformer"/>), declared
/// on the action beside its route, so that a new operation brings its own. The first one is what the reference
/// page's "try it" fills in. <see cref="Json"/> must be accepted by the Development service on the demo data, in
/// the document's order: a test sends every one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BodyExampleAttribute(string name, string summary, string json) : Attribute
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;

    public string Json { get; } = json;
}
