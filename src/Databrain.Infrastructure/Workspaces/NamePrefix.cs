using System.Text;

namespace Databrain.Infrastructure.Workspaces;

/// <summary>The range of names that start with a prefix, in ordinal (code point) order.</summary>
internal static class NamePrefix
{
    /// <summary>
    /// The first text after every text that starts with <paramref name="prefix"/>: the prefix with its last code point
    /// one higher (surrogates skipped); a last code point that has no next one is dropped first. Null when nothing is
    /// after (a prefix of only U+10FFFF): the range then has no end.
    /// </summary>
    public static string? End(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last < 0x10FFFF)
            {
                runes.Add(new Rune(last == 0xD7FF ? 0xE000 : last + 1));
                var end = new StringBuilder();
                foreach (var rune in runes)
                {
                    end.Append(rune.ToString());
                }

                return end.ToString();
            }
        }

        return null;
    }
}
