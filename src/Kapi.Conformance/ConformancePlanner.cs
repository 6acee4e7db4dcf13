using Kapi.Runtime.Metadata;

namespace Kapi.Conformance;

/// <summary>
/// Derives boundary cases from a parameter's constraint, as the spec states it (mask, required bits, enumerated
/// field, enumeration, range) — no per-syscall knowledge. Values are portable (x86-64 numbering), what the generated
/// raw-integer overloads take.
/// </summary>
public static class ConformancePlanner
{
    private const long EINVAL = ErrnoNames.EINVAL;

    /// <summary>The constrained parameters of a spec (mask, enum or range), in index order.</summary>
    public static IEnumerable<KapiParameterInfo> ConstrainedParameters(KernelApiSpec spec) =>
        spec.Parameters.Where(p => KindOf(p) != ConstraintKind.None).OrderBy(p => p.Index);

    public enum ConstraintKind
    {
        None,
        Mask,
        Enum,
        Range,
    }

    public static ConstraintKind KindOf(KapiParameterInfo p)
    {
        switch (p.ConstraintKind)
        {
            case KapiConstraintKind.Mask when p.ValidMask?.PortableValue is not null:
                return ConstraintKind.Mask;
            case KapiConstraintKind.Enum when p.EnumValues.Count > 0:
                return ConstraintKind.Enum;
            case KapiConstraintKind.Range when p.MinValue?.PortableValue is not null && p.MaxValue?.PortableValue is not null:
                return ConstraintKind.Range;
            default:
                return ConstraintKind.None;
        }
    }

    /// <summary>True when the spec's constraint accepts <paramref name="value"/> for <paramref name="p"/>.</summary>
    public static bool Accepts(KapiParameterInfo p, long value)
    {
        switch (KindOf(p))
        {
            case ConstraintKind.Mask:
                {
                    long valid = p.ValidMask!.PortableValue!.Value;
                    long enumMask = p.EnumMask?.PortableValue ?? 0;
                    long rest = value;
                    if (enumMask != 0)
                    {
                        long field = value & enumMask;
                        if (p.EnumValues.Count > 0 && !p.EnumValues.Any(v => v.Value.PortableValue == field)) return false;
                        rest &= ~enumMask;
                    }
                    if ((rest & ~valid) != 0 && !p.IgnoresUnknownBits) return false;
                    long required = p.RequiredMask?.PortableValue ?? 0;
                    if (required != 0 && (value & required) == 0) return false;
                    return true;
                }
            case ConstraintKind.Enum:
                return p.EnumValues.Any(v => v.Value.PortableValue == value);
            case ConstraintKind.Range:
                return value >= p.MinValue!.PortableValue!.Value && value <= p.MaxValue!.PortableValue!.Value;
            default:
                return true;
        }
    }

    /// <summary>The boundary cases for one parameter: 0, each valid bit or value, the full mask, the first bit above
    /// the mask, −1, the complement of the valid set; for ranges min, max and one past each end.</summary>
    public static IReadOnlyList<ConformanceCase> Plan(KernelApiSpec spec, KapiParameterInfo p)
    {
        var cases = new List<(string Label, long Value)>();
        string name = p.Name ?? "arg" + p.Index;
        switch (KindOf(p))
        {
            case ConstraintKind.Mask:
                {
                    long valid = p.ValidMask!.PortableValue!.Value;
                    long enumMask = p.EnumMask?.PortableValue ?? 0;
                    long baseEnum = enumMask != 0 && p.EnumValues.Count > 0 ? p.EnumValues[0].Value.PortableValue ?? 0 : 0;
                    cases.Add(("0", 0));
                    foreach (var flag in p.MaskFlags)
                    {
                        if (flag.Value.PortableValue is long f && f != 0) cases.Add((flag.Name, f | baseEnum));
                    }
                    if (enumMask != 0)
                    {
                        foreach (var e in p.EnumValues)
                        {
                            if (e.Value.PortableValue is long v) cases.Add((e.Name, v));
                        }
                        if (FirstOutside(p.EnumValues.Select(v => v.Value.PortableValue ?? 0), enumMask) is long outside)
                        {
                            cases.Add(("field value not in the list", outside));
                        }
                    }
                    cases.Add(("full mask", valid | baseEnum));
                    long all = valid | enumMask;
                    int high = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)all);
                    if (all != 0 && high < 62) cases.Add(("first bit above the mask", (1L << (high + 1)) | baseEnum));
                    cases.Add(("-1", -1));
                    cases.Add(("complement of the valid set", ~all));
                    break;
                }
            case ConstraintKind.Enum:
                {
                    var values = p.EnumValues.Where(v => v.Value.PortableValue is not null).ToList();
                    foreach (var v in values) cases.Add((v.Name, v.Value.PortableValue!.Value));
                    long max = values.Max(v => v.Value.PortableValue!.Value);
                    long min = values.Min(v => v.Value.PortableValue!.Value);
                    cases.Add(("largest value + 1", max + 1));
                    if (min - 1 != -1) cases.Add(("smallest value - 1", min - 1));
                    cases.Add(("-1", -1));
                    for (long g = min + 1; g < max && g < min + 4096; g++)
                    {
                        if (!values.Any(v => v.Value.PortableValue == g))
                        {
                            cases.Add(("first gap in the values", g));
                            break;
                        }
                    }
                    break;
                }
            case ConstraintKind.Range:
                {
                    long min = p.MinValue!.PortableValue!.Value;
                    long max = p.MaxValue!.PortableValue!.Value;
                    (long lo, long hi) = TypeLimits(p.CTypeName);
                    cases.Add(("minimum", min));
                    cases.Add(("maximum", max));
                    if (min > lo) cases.Add(("minimum - 1", min - 1));
                    if (max < hi) cases.Add(("maximum + 1", max + 1));
                    break;
                }
        }
        var seen = new HashSet<long>();
        return cases.Where(c => seen.Add(c.Value))
            .Select(c => new ConformanceCase(spec.Name, name, c.Label, c.Value, Accepts(p, c.Value)))
            .ToList();
    }

    /// <summary>The smallest value of the enumerated field that the list does not contain, if any.</summary>
    private static long? FirstOutside(IEnumerable<long> values, long mask)
    {
        var set = new HashSet<long>(values);
        for (long v = 0; v <= mask && v < 1 << 16; v++)
        {
            if ((v & ~mask) == 0 && !set.Contains(v)) return v;
        }
        return null;
    }

    /// <summary>The range of the C type, so that "maximum + 1" is not planned for an int whose maximum is INT_MAX.</summary>
    private static (long Min, long Max) TypeLimits(string? cType) => cType?.Replace("const", string.Empty).Trim() switch
    {
        "int" or "s32" or "__s32" => (int.MinValue, int.MaxValue),
        "unsigned int" or "u32" or "__u32" => (0, uint.MaxValue),
        "short" => (short.MinValue, short.MaxValue),
        "unsigned short" => (0, ushort.MaxValue),
        "size_t" or "unsigned long" => (0, long.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    internal static bool IsEinval(int errno) => errno == EINVAL;
}
