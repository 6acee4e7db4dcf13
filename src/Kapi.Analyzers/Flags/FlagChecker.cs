using System.Collections.Immutable;
using System.Globalization;
using Kapi.Architectures;
using Kapi.Model;
using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers.Flags;

/// <summary>One diagnostic the checker decided on (location is the argument's).</summary>
internal sealed record FlagFinding(DiagnosticDescriptor Descriptor, object?[] Arguments, ImmutableDictionary<string, string?> Properties);

/// <summary>Keys of the diagnostic properties the code fix reads.</summary>
internal static class FlagProperties
{
    /// <summary>"Portable" (a translated managed enum) or "Native" (passed as is).</summary>
    public const string Kind = "Kind";
    /// <summary>The valid bits (decimal) on the reference architecture, or the portable mask.</summary>
    public const string ValidMask = "ValidMask";
    /// <summary>At least one of these bits must be set (decimal); absent or 0 = none.</summary>
    public const string RequiredMask = "RequiredMask";
    /// <summary>The named flags with their values on the reference architecture: "MCL_CURRENT=1;MCL_FUTURE=2".</summary>
    public const string Flags = "Flags";
    /// <summary>Width of the parameter in bits.</summary>
    public const string Width = "Width";
    /// <summary>For the raw overload of a generated binding: the enum of the sibling overload (fully qualified).</summary>
    public const string EnumOverload = "EnumOverload";
    /// <summary>The members of <see cref="EnumOverload"/>: "MCL_CURRENT=1;MCL_FUTURE=2".</summary>
    public const string EnumFlags = "EnumFlags";
    /// <summary>The valid mask in the enum's (portable) values, for <see cref="EnumOverload"/>.</summary>
    public const string EnumValidMask = "EnumValidMask";
    /// <summary>The required mask in the enum's (portable) values, for <see cref="EnumOverload"/>.</summary>
    public const string EnumRequiredMask = "EnumRequiredMask";
}

/// <summary>Decides which diagnostics a proven argument value gets.</summary>
internal static class FlagChecker
{
    private enum Status { Unknown, Ok, Rejected, Outside }

    private readonly record struct ArchResult(Status Status, long OutsideBits, string? Reason, long RejectedValue);

    public static IEnumerable<FlagFinding> Check(
        ParamTarget target, ProvenValues values, TargetArchitectures targets, Func<ParamTarget, string> suggestion, Specs.SpecCatalog catalog)
    {
        var findings = new List<FlagFinding>();
        if (target.IsPortable) CheckPortable(target, values, findings);
        else CheckNative(target, values, targets, suggestion, findings);
        CheckFamily(target, values, catalog, findings);
        return findings;
    }

    // ---- portable: a managed enum the binding translates ----

    private static void CheckPortable(ParamTarget t, ProvenValues values, List<FlagFinding> findings)
    {
        long[]? lane = null;
        foreach (var arch in ArchitectureSet.All)
        {
            lane = values[arch];
            if (lane is not null) break;
        }
        if (lane is null) return;
        long widthMask = IntegerTypes.WidthMask(t.BitWidth);
        long valid = t.PortableValidMask & widthMask;
        long outside = 0;
        long? rejected = null;
        foreach (var v in lane)
        {
            long bits = v & widthMask;
            long o = t.PortableValidMask == 0 ? 0 : bits & ~valid;
            if (o != 0) { outside |= o; continue; }
            if (t.PortableRequiredMask != 0 && (bits & t.PortableRequiredMask) == 0) rejected ??= bits;
        }
        var props = PortableProperties(t);
        string flags = t.PortableFlags.IsEmpty ? IntegerTypes.Hex(valid) : string.Join(" | ", t.PortableFlags.Select(f => f.Name));
        string where = t.PortableTypeName is null ? "every architecture" : $"every architecture ({t.PortableTypeName} values)";
        if (outside != 0)
        {
            findings.Add(new FlagFinding(KapiDescriptors.InvalidFlagBits,
                new object?[] { t.ApiName, t.ParameterName, IntegerTypes.Hex(outside), IntegerTypes.Hex(valid), where, flags }, props));
        }
        else if (rejected is long r)
        {
            var names = t.PortableFlags.Where(f => (f.Value & ~t.PortableRequiredMask) == 0).Select(f => f.Name).ToList();
            string reason = RequiredReason(names, t.PortableRequiredMask, t.Spec?.Param.ConstraintText);
            findings.Add(new FlagFinding(KapiDescriptors.RejectedFlagValue,
                new object?[] { t.ApiName, IntegerTypes.Hex(r), t.ParameterName, reason }, props));
        }
    }

    // ---- native: passed to the kernel as is, checked per architecture ----

    private static void CheckNative(ParamTarget t, ProvenValues values, TargetArchitectures targets, Func<ParamTarget, string> suggestion, List<FlagFinding> findings)
    {
        if (t.Spec is not { } spec) return;
        var p = spec.Param;
        // indexed by architecture; sets of architectures as bits (see ArchitectureSet: no generic collection over the enum)
        var results = new ArchResult[KapiArchitectures.Count];
        var checkedOn = ArchitectureSet.Empty;
        var bad = ArchitectureSet.Empty;
        var rejected = ArchitectureSet.Empty;
        foreach (var arch in targets.Architectures.Intersect(t.SupportedArchitectures))
        {
            var lane = values[arch];
            if (lane is null) continue;
            var result = CheckArch(p, lane, arch, t.BitWidth);
            if (result.Status == Status.Unknown) continue;
            results[(int)arch] = result;
            checkedOn = checkedOn.With(arch);
            if (result.Status != Status.Ok) bad = bad.With(arch);
            if (result.Status == Status.Rejected) rejected = rejected.With(arch);
        }
        if (bad.IsEmpty) return;

        if (bad == checkedOn)
        {
            if (rejected.IsEmpty)
            {
                var reference = bad.Preferred;
                long mask = AllowedMask(p, reference, t.BitWidth);
                int count = checkedOn.Count;
                string where = count switch
                {
                    1 => reference.RidName(),
                    2 => $"{reference.RidName()} (and on the other target architecture)",
                    _ => $"{reference.RidName()} (and on the other {count - 1} target architectures)",
                };
                findings.Add(new FlagFinding(KapiDescriptors.InvalidFlagBits,
                    new object?[] { t.ApiName, t.ParameterName, IntegerTypes.Hex(results[(int)reference].OutsideBits), IntegerTypes.Hex(mask), where, ValidFlags(p, reference) },
                    NativeProperties(t, reference)));
            }
            else
            {
                var reference = rejected.Preferred;
                findings.Add(new FlagFinding(KapiDescriptors.RejectedFlagValue,
                    new object?[] { t.ApiName, IntegerTypes.Hex(results[(int)reference].RejectedValue), t.ParameterName, results[(int)reference].Reason },
                    NativeProperties(t, reference)));
            }
            return;
        }

        var good = checkedOn.Except(bad);
        var referenceGood = good.Preferred;
        string shown = DescribeValues(values[referenceGood]!, t.BitWidth);
        findings.Add(new FlagFinding(KapiDescriptors.ArchitectureDependentFlagValue,
            new object?[] { t.ApiName, shown, t.ParameterName, good.RidNames(), bad.RidNames(), suggestion(t) },
            NativeProperties(t, referenceGood)));
    }

    /// <summary>A parameter's constraint on one architecture, computed once per spec parameter.</summary>
    private sealed class ArchConstraint
    {
        public long? Mask;
        public long EnumMask;
        public long? EnumMaskValue;
        public long? Required;
        public HashSet<long> EnumValues = new();
        /// <summary>The whole value must be one of <see cref="EnumValues"/> (madvise's advice).</summary>
        public bool EnumOnly;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ParamSpec, ArchConstraint[]> s_constraints = new();

    private static ArchConstraint[] Constraints(ParamSpec p) => s_constraints.GetValue(p, spec =>
    {
        var result = new ArchConstraint[KapiArchitectures.Count];
        foreach (var arch in ArchitectureSet.All)
        {
            var c = new ArchConstraint
            {
                Mask = spec.ValidMask?[arch],
                EnumMaskValue = spec.EnumMask?[arch],
                Required = spec.RequiredMask?[arch],
            };
            c.EnumMask = c.EnumMaskValue ?? 0;
            foreach (var e in spec.EnumValues) if (e.Value[arch] is long ev) c.EnumValues.Add(ev);
            c.EnumOnly = FlagTargets.IsEnumOnly(spec) && c.EnumValues.Count > 0;
            result[(int)arch] = c;
        }
        return result;
    });

    private static ArchResult CheckArch(ParamSpec p, long[] lane, KapiArchitecture arch, int width)
    {
        var c = Constraints(p)[(int)arch];
        if (c.EnumOnly) return CheckEnumValue(p, c, lane, arch, width);
        if (c.Mask is null && c.EnumMaskValue is null && c.Required is null) return new ArchResult(Status.Unknown, 0, null, 0);
        long widthMask = IntegerTypes.WidthMask(width);
        long enumMask = c.EnumMask;

        long outside = 0;
        string? reason = null;
        long rejectedValue = 0;
        foreach (var v in lane)
        {
            long bits = v & widthMask;
            if (c.Mask is long m)
            {
                long o = bits & ~((m | enumMask) & widthMask);
                if (o != 0) { outside |= o; continue; }
            }
            if (reason is not null) continue;
            if (enumMask != 0 && c.EnumValues.Count > 0 && !c.EnumValues.Contains(bits & enumMask))
            {
                var allowed = p.EnumValues.Where(e => e.Value[arch] is not null).Select(e => e.Name);
#pragma warning disable RS0030 // display: the mask as the spec writes it, in the message
                reason = $"{IntegerTypes.Hex(bits & enumMask)} is not an allowed value of the field {p.EnumMask!.Expression} (allowed: {string.Join(", ", allowed)})";
#pragma warning restore RS0030
                rejectedValue = bits;
            }
            else if (c.Required is long r && r != 0 && (bits & r) == 0)
            {
                var names = p.MaskFlags.Where(f => f.Value[arch] is long fv && fv != 0 && (fv & ~r) == 0).Select(f => f.Name).ToList();
                reason = RequiredReason(names, r, p.ConstraintText);
                rejectedValue = bits;
            }
        }
        if (outside != 0) return new ArchResult(Status.Outside, outside, null, 0);
        if (reason is not null) return new ArchResult(Status.Rejected, 0, reason, rejectedValue);
        return new ArchResult(Status.Ok, 0, null, 0);
    }

    /// <summary>A parameter whose whole value is one of the spec's values (madvise's advice): any other is rejected.</summary>
    private static ArchResult CheckEnumValue(ParamSpec p, ArchConstraint c, long[] lane, KapiArchitecture arch, int width)
    {
        foreach (var v in lane)
        {
            long value = IntegerTypes.Bits(v, width);
            // the spec's values are C values: compare in the parameter's width (a negative value has its high bits set)
            bool listed = false;
            foreach (long allowed in c.EnumValues) listed |= IntegerTypes.Bits(allowed, width) == value;
            if (listed) continue;
            var names = p.EnumValues.Where(e => e.Value[arch] is not null).Select(e => e.Name);
            return new ArchResult(Status.Rejected, 0, $"it is not one of the values the spec lists ({string.Join(", ", names)})", value);
        }
        return new ArchResult(Status.Ok, 0, null, 0);
    }

    // ---- flag families ----

    private static void CheckFamily(ParamTarget t, ProvenValues values, Specs.SpecCatalog catalog, List<FlagFinding> findings)
    {
        if (values.Names.IsEmpty || t.FamilyNames.IsEmpty) return;
        bool anyForeign = false;
        foreach (var name in values.Names)
        {
            if (!t.FamilyNames.Contains(name) && catalog.OwnersOfFlag(name).Count > 0) { anyForeign = true; break; }
        }
        if (!anyForeign) return;
        foreach (var name in values.Names) // ordinal order
        {
            if (t.FamilyNames.Contains(name)) continue;
            var owners = catalog.OwnersOfFlag(name).Where(o => !(o.Spec.Name == t.ApiName && o.Param.Name == t.ParameterName)).ToList();
            if (owners.Count == 0) continue;
            string ownerText = string.Join(", ", owners.Select(o => $"{o.Spec.Name} '{o.Param.Name}'"));
            string flags = t.IsPortable && !t.PortableFlags.IsEmpty
                ? string.Join(" | ", t.PortableFlags.Select(f => f.Name))
                : t.Spec is { } sp ? ValidFlags(sp.Param, KapiArchitecture.X64) : string.Join(" | ", t.FamilyNames.OrderBy(n => n, StringComparer.Ordinal));
            findings.Add(new FlagFinding(KapiDescriptors.ForeignFlagConstant,
                new object?[] { t.ApiName, name, ownerText, t.ParameterName, flags }, ImmutableDictionary<string, string?>.Empty));
            return;
        }
    }

    // ---- text ----

    private static string RequiredReason(IReadOnlyList<string> names, long required, string? constraint)
    {
        string which = names.Count > 0 ? $"{string.Join(" | ", names)} ({IntegerTypes.Hex(required)})" : IntegerTypes.Hex(required);
        string text = names.Count == 1 ? $"{which} must be set" : $"at least one of {which} must be set";
        if (!string.IsNullOrWhiteSpace(constraint)) text += $" (spec: \"{constraint!.Trim()}\")";
        return text;
    }

    internal static string ValidFlags(ParamSpec p, KapiArchitecture arch)
    {
        var names = p.MaskFlags.Where(f => f.Value[arch] is long v && v != 0).Select(f => f.Name).ToList();
#pragma warning disable RS0030 // display: the mask as the spec writes it, in the message
        string text = names.Count > 0 ? string.Join(" | ", names) : p.ValidMask?.Expression ?? "none";
#pragma warning restore RS0030
        if (p.EnumMask is not null && p.EnumValues.Count > 0)
        {
#pragma warning disable RS0030 // display: the mask as the spec writes it, in the message
            text += $", with {p.EnumMask.Expression} one of {string.Join(", ", p.EnumValues.Where(e => e.Value[arch] is not null).Select(e => e.Name))}";
#pragma warning restore RS0030
        }
        return text;
    }

    private static long AllowedMask(ParamSpec p, KapiArchitecture arch, int width) =>
        ((p.ValidMask?[arch] ?? 0) | (p.EnumMask?[arch] ?? 0)) & IntegerTypes.WidthMask(width);

    private static string DescribeValues(long[] lane, int width)
    {
        if (lane.Length == 1) return IntegerTypes.Hex(IntegerTypes.Bits(lane[0], width));
        var shown = new string[lane.Length];
        for (int i = 0; i < lane.Length; i++) shown[i] = IntegerTypes.Hex(IntegerTypes.Bits(lane[i], width));
        return "one of " + string.Join(", ", shown);
    }

    // ---- properties for the code fix ----

    private static ImmutableDictionary<string, string?> PortableProperties(ParamTarget t)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string?>();
        b[FlagProperties.Kind] = "Portable";
        b[FlagProperties.ValidMask] = (t.PortableValidMask & IntegerTypes.WidthMask(t.BitWidth)).ToString(CultureInfo.InvariantCulture);
        b[FlagProperties.RequiredMask] = t.PortableRequiredMask.ToString(CultureInfo.InvariantCulture);
        b[FlagProperties.Flags] = string.Join(";", t.PortableFlags.Select(f => f.Name + "=" + f.Value.ToString(CultureInfo.InvariantCulture)));
        b[FlagProperties.Width] = t.BitWidth.ToString(CultureInfo.InvariantCulture);
        AddEnumOverload(t, b);
        return b.ToImmutable();
    }

    private static ImmutableDictionary<string, string?> NativeProperties(ParamTarget t, KapiArchitecture arch)
    {
        var p = t.Spec!.Value.Param;
        var b = ImmutableDictionary.CreateBuilder<string, string?>();
        b[FlagProperties.Kind] = "Native";
        b[FlagProperties.ValidMask] = AllowedMask(p, arch, t.BitWidth).ToString(CultureInfo.InvariantCulture);
        b[FlagProperties.RequiredMask] = (p.RequiredMask?[arch] ?? 0).ToString(CultureInfo.InvariantCulture);
        b[FlagProperties.Flags] = string.Join(";", p.MaskFlags.Where(f => f.Value[arch] is long v && v != 0)
            .Select(f => f.Name + "=" + f.Value[arch]!.Value.ToString(CultureInfo.InvariantCulture)));
        b[FlagProperties.Width] = t.BitWidth.ToString(CultureInfo.InvariantCulture);
        AddEnumOverload(t, b);
        return b.ToImmutable();
    }

    private static void AddEnumOverload(ParamTarget t, ImmutableDictionary<string, string?>.Builder b)
    {
        if (t.EnumOverloadType is not { } enumType) return;
        var members = FlagTargets.EnumMembers(enumType);
        b[FlagProperties.EnumOverload] = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        b[FlagProperties.EnumFlags] = string.Join(";", members.Where(m => m.Value != 0).Select(m => m.Name + "=" + m.Value.ToString(CultureInfo.InvariantCulture)));
        // portable masks: the spec's x64 values (the generator's portable values), else the enum's members
        long valid = 0, required = 0;
        if (t.Spec is { } sp)
        {
            valid = sp.Param.ValidMask?.X64 ?? 0;
            required = sp.Param.RequiredMask?.X64 ?? 0;
        }
        if (valid == 0) foreach (var m in members) valid |= m.Value;
        b[FlagProperties.EnumValidMask] = valid.ToString(CultureInfo.InvariantCulture);
        b[FlagProperties.EnumRequiredMask] = required.ToString(CultureInfo.InvariantCulture);
    }
}
