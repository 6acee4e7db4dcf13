using System.Collections.Concurrent;

namespace Kapi.Binding;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggestions
{
    public static string? Closest(string name, IEnumerable<string> candidates, int maxDistance = -1)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64) return null;
        var (best, distance) = ClosestWithDistance(name, candidates, maxDistance);
        return distance <= MaxDistance(name, maxDistance) ? best : null;
    }

    /// <summary>
    /// <see cref="Closest(string, IEnumerable{string}, int)"/> over <paramref name="fixedCandidates"/> and <paramref name="moreCandidates"/>, the result
    /// for the fixed set kept in <paramref name="cache"/> (by name; at most 4,096 names): the closest candidate is the
    /// nearest of either set, the ordinally first of the two at the same distance, as when both are searched together.
    /// </summary>
    internal static string? Closest(string name, IReadOnlyList<string> fixedCandidates, ConcurrentDictionary<string, (string? Best, int Distance)> cache,
        IEnumerable<string> moreCandidates)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64) return null;
        if (!cache.TryGetValue(name, out var fixedBest))
        {
            fixedBest = ClosestWithDistance(name, fixedCandidates, -1);
            if (cache.Count < 4096) cache.TryAdd(name, fixedBest);
        }
        var more = ClosestWithDistance(name, moreCandidates, -1);
        var (best, distance) = more.Best is null || fixedBest.Distance < more.Distance
            || (fixedBest.Distance == more.Distance && fixedBest.Best is not null && string.CompareOrdinal(fixedBest.Best, more.Best) < 0)
            ? fixedBest
            : more;
        return distance <= MaxDistance(name, -1) ? best : null;
    }

    private static int MaxDistance(string name, int maxDistance) => maxDistance < 0 ? Math.Max(1, Math.Min(4, name.Length / 3)) : maxDistance;

    /// <summary>The closest candidate and its distance (exact when within the maximum distance; above it otherwise).</summary>
    private static (string? Best, int Distance) ClosestWithDistance(string name, IEnumerable<string> candidates, int maxDistance)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64) return (null, int.MaxValue);
        maxDistance = MaxDistance(name, maxDistance);
        string? best = null;
        int bestDistance = int.MaxValue;
        // one pair of rows for every candidate (only those at most maxDistance longer than the name are compared)
        var prev = new int[name.Length + maxDistance + 1];
        var cur = new int[prev.Length];
        foreach (var c in candidates)
        {
            // a candidate further than the best so far cannot win (the distance is at least the length difference;
            // one at the same distance still can, by ordinal order), so the cut-off tightens as the search goes
            int cutoff = Math.Min(maxDistance, bestDistance);
            if (Math.Abs(c.Length - name.Length) > cutoff) continue;
            int d = Distance(name, c, cutoff, prev, cur);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(c, best) < 0))
            {
                bestDistance = d;
                best = c;
            }
        }
        return (best, bestDistance);
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
    public static int Distance(string a, string b, int max = int.MaxValue) => Distance(a, b, max, new int[b.Length + 1], new int[b.Length + 1]);

    /// <summary><see cref="Distance(string, string, int)"/> in two rows of at least <c>b.Length + 1</c> elements.</summary>
    private static int Distance(string a, string b, int max, int[] prev, int[] cur)
    {
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            char ai = char.ToUpperInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = ai == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (cur[j] < rowMin) rowMin = cur[j];
            }
            if (rowMin > max) return max + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
