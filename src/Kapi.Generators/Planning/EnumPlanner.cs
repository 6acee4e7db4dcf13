using Kapi.Generators.Emitting;

namespace Kapi.Generators.Planning;

/// <summary>
/// Plans the enum of a mask- or enum-constrained parameter (<see cref="EnumPlan"/>): its members with portable and
/// per-architecture values, its masks and its name.
/// </summary>
internal static class EnumPlanner
{
    public static EnumPlan? Plan(ParamSpec p, string specName, string method, string? enumName, string native, bool mask, bool isEnum, HashSet<string> usedTypeNames)
    {
        var members = new List<EnumMemberPlan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        void Add(KapiNamedValue nv, bool field)
        {
            if (nv.Value.X64 is not long portable) return; // no portable number: cannot be a member
            if (!names.Add(nv.Name)) return;
            var id = CSharp.Identifier(nv.Name, "Value");
            if (id.StartsWith("@", StringComparison.Ordinal)) id = id.Substring(1) + "_";
            if (id == "value__") id += "_"; // reserved for the enum's backing field (CS0076)
            while (!identifiers.Add(id)) id += "_";
            members.Add(new EnumMemberPlan(id, nv.Name, portable, ArchValues.From(nv.Value), field));
        }

        bool isFlags;
        if (mask && p.MaskFlags.Count > 0)
        {
            isFlags = true;
            foreach (var f in p.MaskFlags) Add(f, false);
            if (p.EnumMask is not null)
            {
                foreach (var e in p.EnumValues) Add(e, true);
            }
        }
        else if (isEnum)
        {
            isFlags = false;
            foreach (var e in p.EnumValues) Add(e, false);
        }
        else
        {
            return null;
        }
        if (members.Count == 0) return null;

        // The enum-mask translation needs at least one allowed field value; without one the field bits are unknown bits.
        bool hasField = members.Any(static m => m.IsEnumField);
        // The enum and its Info class must both be new names (a parameter "flags_info" next to "flags" would reuse FlagsInfo).
        // A name from the NameTable is unique already, across all specs.
        string typeName = enumName ?? method + CSharp.Pascal(specName, "Arg");
        while (enumName is null && (usedTypeNames.Contains(typeName) || usedTypeNames.Contains(typeName + "Info"))) typeName += "_";
        usedTypeNames.Add(typeName);
        usedTypeNames.Add(typeName + "Info");
        return new EnumPlan(
            typeName,
            CTypes.EnumUnderlying(native),
            native,
            isFlags,
            specName,
            members.ToEquatableArray(),
            mask ? p.ValidMask!.X64 : null,
            p.RequiredMask?.X64,
            isFlags && hasField ? p.EnumMask?.X64 : null,
            isFlags && hasField && p.EnumMask is { } em ? ArchValues.From(em) : null,
            FlagPrefix(members.Select(static m => m.CName)));
    }

    /// <summary>The common prefix of the flag names up to and including the last shared underscore (<c>MCL_</c>).</summary>
    internal static string? FlagPrefix(IEnumerable<string> names)
    {
        string? prefix = null;
        foreach (var n in names)
        {
            if (prefix is null)
            {
                prefix = n;
                continue;
            }
            int len = 0;
            while (len < prefix.Length && len < n.Length && prefix[len] == n[len]) len++;
            prefix = prefix.Substring(0, len);
        }
        if (string.IsNullOrEmpty(prefix)) return null;
        int underscore = prefix!.LastIndexOf('_');
        return underscore > 0 ? prefix.Substring(0, underscore + 1) : null;
    }
}
