namespace Databrain.Application.Common.Validation;

/// <summary>Words of validation messages that several validators share; each completes the sentence "field …".</summary>
public static class RuleMessages
{
    public const string IsRequired = "is required";
}
