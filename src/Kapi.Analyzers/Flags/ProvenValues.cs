using Kapi.Architectures;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// The proven value(s) of an expression on each architecture: a small set of possible values per architecture
/// (a switch expression or a local assigned in several places gives several), or no lane at all for an architecture
/// where the expression cannot run (a binding library that is not built for it). Most values are the same on every
/// architecture; constants of binding libraries that are compiled per architecture (Tmds.LibC) differ.
/// <see cref="Names"/> are the named constants the value was built from (for the flag-family check).
/// </summary>
/// <remarks>
/// Equality is by value (the lanes and the names), so a proven value can key the analyzer's cache of verdicts: the
/// same value passed to the same parameter always gets the same diagnostics.
/// </remarks>
internal sealed class ProvenValues : IEquatable<ProvenValues>
{
    public const int MaxValuesPerArchitecture = 64;

    // index = (int)KapiArchitecture; null = not applicable on that architecture
    private readonly long[]?[] _lanes;
    private int _hash;

    private ProvenValues(long[]?[] lanes, NameSet names)
    {
        _lanes = lanes;
        Names = names;
    }

    public NameSet Names { get; }

    public long[]? this[KapiArchitecture arch] => _lanes[(int)arch];

    public static ProvenValues Constant(long value, NameSet? names = null)
    {
        var lane = new[] { value };
        var lanes = new long[]?[KapiArchitectures.Count];
        for (int i = 0; i < lanes.Length; i++) lanes[i] = lane;
        return new ProvenValues(lanes, names ?? NameSet.Empty);
    }

    /// <summary>A value that differs per architecture; null = not applicable there.</summary>
    public static ProvenValues PerArchitecture(Func<KapiArchitecture, long?> valueOn, NameSet? names = null)
    {
        var lanes = new long[]?[KapiArchitectures.Count];
        foreach (var arch in ArchitectureSet.All)
        {
            lanes[(int)arch] = valueOn(arch) is long v ? new[] { v } : null;
        }
        return new ProvenValues(lanes, names ?? NameSet.Empty);
    }

    public bool IsUniform
    {
        get
        {
            var first = _lanes[0];
            if (first is null) return false;
            foreach (var lane in _lanes)
            {
                if (lane is null || !lane.SequenceEqual(first)) return false;
            }
            return true;
        }
    }

    public ProvenValues WithName(string name)
    {
        var names = Names.Add(name);
        return ReferenceEquals(names, Names) ? this : new(_lanes, names);
    }

    public ProvenValues Map(Func<long, long> map)
    {
        var lanes = new long[]?[_lanes.Length];
        long[]? previousIn = null, previousOut = null;
        for (int i = 0; i < lanes.Length; i++)
        {
            var lane = _lanes[i];
            if (lane is null) continue;
            // lanes are usually shared between architectures (Constant): compute once per distinct lane
            if (ReferenceEquals(lane, previousIn))
            {
                lanes[i] = previousOut;
                continue;
            }
            previousIn = lane;
            previousOut = lanes[i] = lane.Length == 1 ? new[] { map(lane[0]) } : Distinct(lane.Select(map));
        }
        return new ProvenValues(lanes, Names);
    }


    /// <summary>Applies a binary operator lane by lane; null when a lane would hold too many values or the operator fails.</summary>
    public static ProvenValues? Combine(ProvenValues left, ProvenValues right, Func<long, long, long?> op)
    {
        var lanes = new long[]?[left._lanes.Length];
        long[]? previousA = null, previousB = null, previousOut = null;
        for (int i = 0; i < lanes.Length; i++)
        {
            var a = left._lanes[i];
            var b = right._lanes[i];
            if (a is null || b is null) continue;
            if (ReferenceEquals(a, previousA) && ReferenceEquals(b, previousB))
            {
                lanes[i] = previousOut;
                continue;
            }
            previousA = a;
            previousB = b;
            if (a.Length == 1 && b.Length == 1)
            {
                if (op(a[0], b[0]) is not long single) return null;
                previousOut = lanes[i] = new[] { single };
                continue;
            }
            if ((long)a.Length * b.Length > MaxValuesPerArchitecture * 4L) return null;
            var results = new List<long>(a.Length * b.Length);
            foreach (var x in a)
            {
                foreach (var y in b)
                {
                    if (op(x, y) is not long r) return null;
                    results.Add(r);
                }
            }
            var lane = Distinct(results);
            if (lane.Length > MaxValuesPerArchitecture) return null;
            previousOut = lanes[i] = lane;
        }
        return new ProvenValues(lanes, left.Names.Union(right.Names));
    }

    /// <summary>The values any of <paramref name="alternatives"/> can take; an architecture where one alternative cannot run is dropped.</summary>
    public static ProvenValues? Union(IReadOnlyList<ProvenValues> alternatives)
    {
        if (alternatives.Count == 0) return null;
        if (alternatives.Count == 1) return alternatives[0];
        var lanes = new long[]?[alternatives[0]._lanes.Length];
        var names = NameSet.Empty;
        foreach (var alt in alternatives) names = names.Union(alt.Names);
        for (int i = 0; i < lanes.Length; i++)
        {
            // lanes are usually shared between architectures (Constant): reuse the previous lane's union when every
            // alternative has the same lane there
            if (i > 0 && SameLanesAsPrevious(alternatives, i))
            {
                lanes[i] = lanes[i - 1];
                continue;
            }
            int count = 0;
            bool applicable = true;
            foreach (var alt in alternatives)
            {
                var lane = alt._lanes[i];
                if (lane is null) { applicable = false; break; }
                count += lane.Length;
            }
            if (!applicable) continue;
            var values = new long[count];
            int at = 0;
            foreach (var alt in alternatives)
            {
                var lane = alt._lanes[i]!;
                Array.Copy(lane, 0, values, at, lane.Length);
                at += lane.Length;
            }
            var distinct = SortDistinctInPlace(values);
            if (distinct.Length > MaxValuesPerArchitecture) return null;
            lanes[i] = distinct;
        }
        return new ProvenValues(lanes, names);
    }

    /// <summary>
    /// The values of <paramref name="alternatives"/> where each can be taken (<paramref name="where"/>: a bit per
    /// architecture for each): on an architecture, the union of the alternatives taken there; no lane where none is
    /// taken or one of them cannot run. Null when a lane would hold too many values.
    /// </summary>
    public static ProvenValues? Choose(IReadOnlyList<ProvenValues> alternatives, IReadOnlyList<int> where)
    {
        var lanes = new long[]?[KapiArchitectures.Count];
        var names = NameSet.Empty;
        foreach (var alt in alternatives) names = names.Union(alt.Names);
        var taken = new List<long>();
        for (int i = 0; i < lanes.Length; i++)
        {
            taken.Clear();
            bool applicable = false;
            for (int k = 0; k < alternatives.Count; k++)
            {
                if ((where[k] & (1 << i)) == 0) continue;
                var lane = alternatives[k]._lanes[i];
                if (lane is null) { applicable = false; break; }
                applicable = true;
                taken.AddRange(lane);
            }
            if (!applicable) continue;
            var distinct = SortDistinctInPlace(taken.ToArray());
            if (distinct.Length > MaxValuesPerArchitecture) return null;
            lanes[i] = distinct;
        }
        return new ProvenValues(lanes, names);
    }

    /// <summary>False when no architecture has a value (the expression cannot produce one anywhere).</summary>
    public bool HasAnyLane
    {
        get
        {
            foreach (var lane in _lanes) if (lane is not null) return true;
            return false;
        }
    }

    private static bool SameLanesAsPrevious(IReadOnlyList<ProvenValues> alternatives, int i)
    {
        foreach (var alt in alternatives)
        {
            if (!ReferenceEquals(alt._lanes[i], alt._lanes[i - 1])) return false;
        }
        return true;
    }

    /// <summary>The distinct values in ascending order, in a new array (a lane may be shared: it is never sorted in place).</summary>
    private static long[] Distinct(IEnumerable<long> values) => SortDistinctInPlace(values.ToArray());

    /// <summary>Sorts <paramref name="array"/>, which the caller has just made, and drops repeats.</summary>
    private static long[] SortDistinctInPlace(long[] array)
    {
        if (array.Length < 2) return array;
        Array.Sort(array);
        int n = 1;
        for (int i = 1; i < array.Length; i++)
        {
            if (array[i] != array[n - 1]) array[n++] = array[i];
        }
        if (n != array.Length) Array.Resize(ref array, n);
        return array;
    }

    public bool Equals(ProvenValues? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || GetHashCode() != other.GetHashCode() || !Names.Equals(other.Names)) return false;
        for (int i = 0; i < _lanes.Length; i++)
        {
            var a = _lanes[i];
            var b = other._lanes[i];
            if (ReferenceEquals(a, b)) continue;
            if (a is null || b is null || a.Length != b.Length) return false;
            for (int k = 0; k < a.Length; k++) if (a[k] != b[k]) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ProvenValues);

    public override int GetHashCode()
    {
        int hash = _hash;
        if (hash != 0) return hash;
        hash = Names.GetHashCode();
        foreach (var lane in _lanes)
        {
            hash = unchecked((hash * 31) + (lane is null ? -1 : lane.Length));
            if (lane is null) continue;
            foreach (long v in lane) hash = unchecked((hash * 31) + v.GetHashCode());
        }
        if (hash == 0) hash = 1;
        _hash = hash;
        return hash;
    }

    public override string ToString()
    {
        if (IsUniform) return "{" + string.Join(", ", _lanes[0]!) + "}";
        return string.Join("; ", KapiArchitectures.All.Select(a => a.RidName() + ": " + (this[a] is { } l ? "{" + string.Join(", ", l) + "}" : "n/a")));
    }
}

/// <summary>The outcome of proving a value: the values, or why they cannot be proven.</summary>
internal readonly struct Proof
{
    private Proof(ProvenValues? values, string? failure)
    {
        Values = values;
        Failure = failure;
    }

    public ProvenValues? Values { get; }

    public string? Failure { get; }

    public bool IsProven => Values is not null;

    public static Proof Of(ProvenValues values) => new(values, null);

    public static Proof Fail(string reason) => new(null, reason);

    public static implicit operator Proof(ProvenValues values) => Of(values);
}
