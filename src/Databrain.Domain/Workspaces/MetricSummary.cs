using Databrain.Domain.Common;

namespace Databrain.Domain.Workspaces;

/// <summary>AI metric summaries of a workspace: which kind, and the prompt when the kind is custom.</summary>
public sealed record MetricSummary
{
    public const int MaxCustomPromptLength = 2000;

    private MetricSummary(SummaryType type, string? customPrompt)
    {
        Type = type;
        CustomPrompt = customPrompt;
    }

    public SummaryType Type { get; }

    /// <summary>The prompt of a <see cref="SummaryType.Custom"/> summary; null for every other kind.</summary>
    public string? CustomPrompt { get; }

    public static MetricSummary Create(SummaryType type, string? customPrompt)
    {
        if (type == SummaryType.Custom)
        {
            if (string.IsNullOrWhiteSpace(customPrompt) || customPrompt.Length > MaxCustomPromptLength)
            {
                throw new DomainRuleException($"A custom summary needs a prompt of 1 to {MaxCustomPromptLength} characters.");
            }

            // No database stores it in text (PostgreSQL refuses it; others cut the text short for some readers).
            if (customPrompt.Contains('\0', StringComparison.Ordinal))
            {
                throw new DomainRuleException("A prompt cannot contain the NUL character (U+0000).");
            }
        }
        else if (customPrompt is not null)
        {
            throw new DomainRuleException("Only a custom summary has a prompt.");
        }

        return new MetricSummary(type, customPrompt);
    }
}
