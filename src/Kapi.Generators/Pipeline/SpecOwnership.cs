namespace Kapi.Generators.Pipeline;

/// <summary>One spec of one file, the unit the per-spec steps work on. Value-equatable, no positions.</summary>
/// <param name="Path">The spec file's path (as the AdditionalText gives it).</param>
/// <param name="Ordinal">The spec's position within its file.</param>
/// <param name="Key">The ownership key (see <see cref="SpecOwnership.KeyOf"/>).</param>
/// <param name="Spec">The bound spec.</param>
internal sealed record SpecCandidate(string Path, int Ordinal, string Key, ApiSpec Spec);

/// <summary>The keys one file would contribute (none when it has errors).</summary>
internal sealed record FileSpecKeys(string Path, EquatableArray<string> Keys);

/// <summary>Who emits a key: the first (path, ordinal) in ordinal path order.</summary>
internal sealed record SpecOwner(string Key, string Path, int Ordinal);

/// <summary>
/// Decides which spec emits code when several files (or one file) define specs that would produce the same
/// generated names: only the first in ordinal path order does, so duplicates never cause CS0101/CS0111 and the
/// outcome does not depend on the order of AdditionalFiles. The duplicate itself is the analyzer's to report.
/// </summary>
internal sealed record OwnershipIndex(EquatableArray<SpecOwner> Owners)
{
    public bool IsOwner(SpecCandidate candidate)
    {
        // Owners are sorted by key (ordinal): binary search.
        int lo = 0, hi = Owners.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var o = Owners[mid];
            int c = string.CompareOrdinal(o.Key, candidate.Key);
            if (c == 0)
            {
                return o.Ordinal == candidate.Ordinal && string.Equals(o.Path, candidate.Path, StringComparison.Ordinal);
            }
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }
}

internal static class SpecOwnership
{
    /// <summary>The ownership key (<see cref="Planning.GeneratedNames.OwnershipKey"/>).</summary>
    public static string KeyOf(ApiSpec spec) => Planning.GeneratedNames.OwnershipKey(spec.Name);

    public static FileSpecKeys Summarize(KapiFileModel file)
    {
        if (file.HasErrors) return new FileSpecKeys(file.Path, EquatableArray<string>.Empty);
        var keys = new string[file.Specs.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = KeyOf(file.Specs[i]);
        return new FileSpecKeys(file.Path, new EquatableArray<string>(keys));
    }

    public static IEnumerable<SpecCandidate> Candidates(KapiFileModel file)
    {
        if (file.HasErrors) yield break;
        for (int i = 0; i < file.Specs.Count; i++)
        {
            var spec = file.Specs[i];
            yield return new SpecCandidate(file.Path, i, KeyOf(spec), spec);
        }
    }

    public static OwnershipIndex Build(IEnumerable<FileSpecKeys> files)
    {
        var best = new Dictionary<string, SpecOwner>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            for (int i = 0; i < f.Keys.Count; i++)
            {
                var key = f.Keys[i];
                if (!best.TryGetValue(key, out var current) || Precedes(f.Path, i, current))
                {
                    best[key] = new SpecOwner(key, f.Path, i);
                }
            }
        }
        var owners = new List<SpecOwner>(best.Values);
        owners.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new OwnershipIndex(new EquatableArray<SpecOwner>(owners));
    }

    private static bool Precedes(string path, int ordinal, SpecOwner current)
    {
        int c = string.CompareOrdinal(path, current.Path);
        return c < 0 || (c == 0 && ordinal < current.Ordinal);
    }
}
