using System.Collections.Concurrent;
using CsCheck;
using Kapi.Architectures;
using Kapi.Binding;
using Kapi.Vocabulary;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// "Did you mean": the tightened cut-off, the reused rows and the cache of the built-in names' closest give exactly
/// the suggestion of the plain search (same name, ties to the ordinally first), checked against a copy of it.
/// </summary>
public class SuggestionsTests
{
    /// <summary>The search as it was before the cache and the tightening cut-off, the oracle.</summary>
    private static string? Reference(string name, IEnumerable<string> candidates, int maxDistance = -1)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64) return null;
        if (maxDistance < 0) maxDistance = Math.Max(1, Math.Min(4, name.Length / 3));
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - name.Length) > maxDistance) continue;
            int d = ReferenceDistance(name, c);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(c, best) < 0))
            {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

    private static int ReferenceDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    private static readonly string[] s_builtIn = UapiConstants.Names.Concat(KapiVocabulary.Names).ToArray();

    // names near the built-in ones (a few edits of one) and random ones over a small alphabet, so ties are common
    private static readonly Gen<string> s_name = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, s_builtIn.Length - 1], Gen.Int[0, 4], Gen.Int, (i, edits, seed) => Mutate(s_builtIn[i], edits, seed))),
        (1, Gen.Char["ABCEFLMNOR_cm"].Array[1, 12].Select(a => new string(a))));

    private static string Mutate(string s, int edits, int seed)
    {
        var r = new Random(seed);
        var chars = new List<char>(s);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789abc";
        for (int k = 0; k < edits; k++)
        {
            int op = r.Next(3);
            char c = alphabet[r.Next(alphabet.Length)];
            if (op == 0 || chars.Count == 0) chars.Insert(r.Next(chars.Count + 1), c);
            else if (op == 1) chars.RemoveAt(r.Next(chars.Count));
            else chars[r.Next(chars.Count)] = c;
        }
        return new string(chars.ToArray());
    }

    [Fact]
    public void Closest_IsThePlainSearch()
    {
        Gen.Select(s_name, s_name.Array[0, 30], Gen.Int[-1, 5]).Sample((name, candidates, max) =>
        {
            var all = candidates.Concat(candidates.Select(c => Mutate(c, 1, c.Length))).ToArray();
            Assert.Equal(Reference(name, all, max), Suggestions.Closest(name, all, max));
        }, iter: 2000);
    }

    [Fact]
    public void CachedBuiltInClosest_IsThePlainSearchOverBothSets()
    {
        var cache = new ConcurrentDictionary<string, (string? Best, int Distance)>(StringComparer.Ordinal);
        Gen.Select(s_name, s_name.Array[0, 8], Gen.Int[0, 2], Gen.Int).Sample((name, more, edits, seed) =>
        {
            // and a define a few edits from the name, to tie with the built-in closest now and then
            var defines = more.Append(Mutate(name, edits, seed)).ToArray();
            var expected = Reference(name, s_builtIn.Concat(defines));
            // twice: the first search fills the cache, the second reads it
            Assert.Equal(expected, Suggestions.Closest(name, s_builtIn, cache, defines));
            Assert.Equal(expected, Suggestions.Closest(name, s_builtIn, cache, defines));
        }, iter: 1000);
        Assert.True(cache.Count <= 4096 + Environment.ProcessorCount);
    }

    [Fact]
    public void CachedBuiltInClosest_DefinesBeatOrTieWithBuiltIns()
    {
        var cache = new ConcurrentDictionary<string, (string? Best, int Distance)>(StringComparer.Ordinal);
        // MCL_CURRENX is one edit from MCL_CURRENT; a define one edit away that sorts first wins the tie, one that sorts after loses
        Assert.Equal("MCL_CURRENT", Suggestions.Closest("MCL_CURRENX", s_builtIn, cache, Array.Empty<string>()));
        Assert.Equal("MCL_CURRENA", Suggestions.Closest("MCL_CURRENX", s_builtIn, cache, new[] { "MCL_CURRENA" }));
        Assert.Equal("MCL_CURRENT", Suggestions.Closest("MCL_CURRENX", s_builtIn, cache, new[] { "MCL_CURRENZ" }));
        Assert.Equal("MCL_CURRENX", Suggestions.Closest("MCL_CURRENX", s_builtIn, cache, new[] { "MCL_CURRENX" }));
        Assert.Null(Suggestions.Closest("QQQQQQQQQQQQQQQQ", s_builtIn, cache, Array.Empty<string>()));
    }
}
