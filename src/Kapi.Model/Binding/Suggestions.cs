namespace Kapi.Binding;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggestions
{
    public static string? Closest(string name, IEnumerable<string> candidates, int maxDistance = -1)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64) return null;
        if (maxDistance < 0) maxDistance = Math.Max(1, Math.Min(4, name.Length / 3));
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - name.Length) > maxDistance) continue;
            int d = Distance(name, c, maxDistance);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(c, best) < 0))
            {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

    /// <summary>
    /// Up to <paramref name="max"/> candidates close to <paramref name="name"/>, closest first: within an edit distance
    /// of a third of its length, or containing it. <paramref name="normalize"/> maps both sides before comparing (for
    /// example to match <c>mlockall</c> with <c>sys_mlockall</c>).
    /// </summary>
    public static IReadOnlyList<string> Ranked(string name, IEnumerable<string> candidates, int max = 5, Func<string, string>? normalize = null)
    {
        normalize ??= static s => s.Trim().ToLowerInvariant();
        string wanted = normalize(name);
        var scored = new List<(int Score, string Name)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (!seen.Add(c)) continue;
            string candidate = normalize(c);
            int limit = Math.Max(2, wanted.Length / 3);
            int d = Distance(wanted, candidate, limit);
            if (d <= limit) scored.Add((d, c));
            else if (wanted.Length >= 3 && candidate.IndexOf(wanted, StringComparison.Ordinal) >= 0) scored.Add((limit + 1 + candidate.Length - wanted.Length, c));
        }
        scored.Sort((x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : string.CompareOrdinal(x.Name, y.Name));
        var result = new List<string>();
        for (int i = 0; i < scored.Count && i < max; i++) result.Add(scored[i].Name);
        return result;
    }

    /// <summary>Levenshtein distance (case-insensitive), cut off above <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max = int.MaxValue)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (cur[j] < rowMin) rowMin = cur[j];
            }
            if (rowMin > max) return max + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
