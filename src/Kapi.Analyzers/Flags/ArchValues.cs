using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Kapi.Architectures;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// The proven value(s) of an expression on each architecture: a small set of possible values per architecture
/// (a switch expression or a local assigned in several places gives several), or no lane at all for an architecture
/// where the expression cannot run (a binding library that is not built for it). Most values are the same on every
/// architecture; constants of binding libraries that are compiled per architecture (Tmds.LibC) differ.
/// <see cref="Names"/> are the named constants the value was built from (for the flag-family check).
/// </summary>
internal sealed class ArchValues
{
    public const int MaxValuesPerArchitecture = 64;

    private static readonly ImmutableHashSet<string> s_noNames = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    // index = (int)KapiArch; null = not applicable on that architecture
    private readonly long[]?[] _lanes;

    private ArchValues(long[]?[] lanes, ImmutableHashSet<string> names)
    {
        _lanes = lanes;
        Names = names;
    }

    public ImmutableHashSet<string> Names { get; }

    public long[]? this[KapiArch arch] => _lanes[(int)arch];

    public static ArchValues Constant(long value, ImmutableHashSet<string>? names = null)
    {
        var lane = new[] { value };
        var lanes = new long[]?[KapiArchitectures.Count];
        for (int i = 0; i < lanes.Length; i++) lanes[i] = lane;
        return new ArchValues(lanes, names ?? s_noNames);
    }

    /// <summary>A value that differs per architecture; null = not applicable there.</summary>
    public static ArchValues PerArchitecture(Func<KapiArch, long?> valueOn, ImmutableHashSet<string>? names = null)
    {
        var lanes = new long[]?[KapiArchitectures.Count];
        foreach (var arch in KapiArchitectures.All)
        {
            lanes[(int)arch] = valueOn(arch) is long v ? new[] { v } : null;
        }
        return new ArchValues(lanes, names ?? s_noNames);
    }

    public static ImmutableHashSet<string> NoNames => s_noNames;

    /// <summary>True when every architecture has the same single value.</summary>
    public bool IsSingleUniform(out long value)
    {
        value = 0;
        long[]? first = _lanes[0];
        if (first is null || first.Length != 1) return false;
        foreach (var lane in _lanes)
        {
            if (lane is null || lane.Length != 1 || lane[0] != first[0]) return false;
        }
        value = first[0];
        return true;
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

    public ArchValues WithNames(ImmutableHashSet<string> names) => new(_lanes, Names.Union(names));

    public ArchValues WithName(string name) => new(_lanes, Names.Add(name));

    public ArchValues Map(Func<long, long> map)
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
        return new ArchValues(lanes, Names);
    }

    private static ImmutableHashSet<string> UnionNames(ImmutableHashSet<string> a, ImmutableHashSet<string> b) =>
        b.IsEmpty ? a : a.IsEmpty ? b : a.Union(b);

    /// <summary>Applies a binary operator lane by lane; null when a lane would hold too many values or the operator fails.</summary>
    public static ArchValues? Combine(ArchValues left, ArchValues right, Func<long, long, long?> op)
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
        return new ArchValues(lanes, UnionNames(left.Names, right.Names));
    }

    /// <summary>The values any of <paramref name="alternatives"/> can take; an architecture where one alternative cannot run is dropped.</summary>
    public static ArchValues? Union(IReadOnlyList<ArchValues> alternatives)
    {
        if (alternatives.Count == 0) return null;
        if (alternatives.Count == 1) return alternatives[0];
        var lanes = new long[]?[alternatives[0]._lanes.Length];
        var names = s_noNames;
        foreach (var alt in alternatives) names = names.Union(alt.Names);
        for (int i = 0; i < lanes.Length; i++)
        {
            var values = new List<long>();
            bool applicable = true;
            foreach (var alt in alternatives)
            {
                var lane = alt._lanes[i];
                if (lane is null) { applicable = false; break; }
                values.AddRange(lane);
            }
            if (!applicable) continue;
            var distinct = Distinct(values);
            if (distinct.Length > MaxValuesPerArchitecture) return null;
            lanes[i] = distinct;
        }
        return new ArchValues(lanes, names);
    }

    private static long[] Distinct(IEnumerable<long> values)
    {
        var set = new SortedSet<long>(values);
        var array = new long[set.Count];
        set.CopyTo(array);
        return array;
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
    private Proof(ArchValues? values, string? failure)
    {
        Values = values;
        Failure = failure;
    }

    public ArchValues? Values { get; }

    public string? Failure { get; }

    public bool IsProven => Values is not null;

    public static Proof Of(ArchValues values) => new(values, null);

    public static Proof Fail(string reason) => new(null, reason);

    public static implicit operator Proof(ArchValues values) => Of(values);
}
