using System;
using System.Collections.Generic;
using System.Linq;

namespace Kapi.Cli;

/// <summary>"Did you mean" candidates for a mistyped API name.</summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> For(string name, IEnumerable<string> candidates, int max = 5)
    {
        string wanted = Normalize(name);
        var scored = new List<(int Score, string Name)>();
        foreach (var c in candidates.Distinct(StringComparer.Ordinal))
        {
            string cand = Normalize(c);
            int d = Distance(wanted, cand);
            int limit = Math.Max(2, wanted.Length / 3);
            if (d <= limit)
            {
                scored.Add((d, c));
            }
            else if (wanted.Length >= 3 && cand.Contains(wanted, StringComparison.Ordinal))
            {
                scored.Add((limit + 1 + cand.Length - wanted.Length, c));
            }
        }
        return scored.OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(max).Select(s => s.Name).ToList();
    }

    /// <summary>Case-insensitive, and <c>sys_mlockall</c> matches <c>mlockall</c>.</summary>
    private static string Normalize(string s)
    {
        s = s.Trim().ToLowerInvariant();
        return s.StartsWith("sys_", StringComparison.Ordinal) ? s.Substring(4) : s;
    }

    /// <summary>Levenshtein distance: the front end's implementation (shared with its "did you mean" messages).</summary>
    internal static int Distance(string a, string b) => Kapi.Binding.Suggestions.Distance(a, b);
}
