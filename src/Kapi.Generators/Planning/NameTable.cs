namespace Kapi.Generators.Planning;

/// <summary>
/// The C# names of one binding that share a scope with the names of other specs: the wrapper method of the
/// <c>Syscalls</c> class (with its <c>OrThrow</c> variant and its private helpers, all derived from it), the error
/// enum and the parameter enums (each with its <c>Info</c> class), all in the generated namespace.
/// </summary>
/// <param name="SpecName">The spec name (unique among the emitted specs, see OwnershipIndex).</param>
/// <param name="Method">The wrapper method (<c>Mlockall</c>; <c>MlockallOrThrow</c> is derived from it).</param>
/// <param name="ErrorType">The error enum (<c>MlockallError</c>).</param>
/// <param name="EnumTypes">The parameter enums in parameter order (<c>MlockallFlags</c>; <c>MlockallFlagsInfo</c> is derived).</param>
internal sealed record SpecNames(string SpecName, string Method, string ErrorType, EquatableArray<string> EnumTypes);

/// <summary>
/// Makes the names of all bindings unique together (one collected step over every spec's plan). Types in the
/// namespace and members of the <c>Syscalls</c> class are one pool: a method named like a type would hide the type
/// inside the wrappers (CS0119), so it may not share a name with any generated type either.
/// </summary>
/// <remarks>
/// The rule: the class names (<c>Syscalls</c>, <c>KernelApiSpecs</c>) are taken first, then names are claimed in
/// this order: (1) wrapper methods (a method and its <c>OrThrow</c> variant must both be free), (2) error enums,
/// (3) parameter enums (the enum and its <c>Info</c> class must both be free). Within each rank the specs go in
/// ordinal order of their names, parameter enums in parameter order. A claim whose name is taken gets <c>_</c>
/// appended until it is free, as inside one spec. The outcome depends only on the set of specs (never on the order
/// of AdditionalFiles), and names without a collision stay exactly as the planner made them.
/// </remarks>
/// <param name="Renamed">The final names of the specs that lost a claim (all their names), ordered by spec name.</param>
internal sealed record NameTable(EquatableArray<SpecNames> Renamed)
{
    public static readonly NameTable Empty = new(EquatableArray<SpecNames>.Empty);

    /// <summary>The final names of a spec, or null when it keeps the names its plan has.</summary>
    public SpecNames? Find(string specName)
    {
        int lo = 0, hi = Renamed.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int c = string.CompareOrdinal(Renamed[mid].SpecName, specName);
            if (c == 0) return Renamed[mid];
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    /// <summary>Resolves collisions between the natural names of every binding (see the remarks of <see cref="NameTable"/>).</summary>
    /// <param name="claims">The names each spec's plan chose on its own (null for specs without a binding).</param>
    /// <param name="className">The class holding the wrappers (<c>KapiClassName</c>).</param>
    public static NameTable Build(IEnumerable<SpecNames?> claims, string className)
    {
        var specs = new List<SpecNames>();
        foreach (var c in claims)
        {
            if (c is not null) specs.Add(c);
        }
        if (specs.Count == 0) return Empty;
        // Spec names are unique after the ownership check; the other keys only make the order total regardless.
        specs.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.SpecName, b.SpecName);
            if (c == 0) c = string.CompareOrdinal(a.Method, b.Method);
            if (c == 0) c = string.CompareOrdinal(a.ErrorType, b.ErrorType);
            return c;
        });

        var taken = new HashSet<string>(StringComparer.Ordinal) { className, GeneratedNames.RegistryClassName };
        string Claim(string name, string? derivedSuffix)
        {
            while (taken.Contains(name) || (derivedSuffix is not null && taken.Contains(name + derivedSuffix))) name += "_";
            taken.Add(name);
            if (derivedSuffix is not null) taken.Add(name + derivedSuffix);
            return name;
        }

        var methods = new string[specs.Count];
        var errors = new string[specs.Count];
        var enums = new string[specs.Count][];
        for (int i = 0; i < specs.Count; i++) methods[i] = Claim(specs[i].Method, "OrThrow");
        for (int i = 0; i < specs.Count; i++) errors[i] = Claim(specs[i].ErrorType, null);
        for (int i = 0; i < specs.Count; i++)
        {
            var own = specs[i].EnumTypes;
            var final = new string[own.Count];
            for (int j = 0; j < own.Count; j++) final[j] = Claim(own[j], "Info");
            enums[i] = final;
        }

        var renamed = new List<SpecNames>();
        for (int i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            var final = new SpecNames(s.SpecName, methods[i], errors[i], new EquatableArray<string>(enums[i]));
            if (!final.Equals(s)) renamed.Add(final);
        }
        return renamed.Count == 0 ? Empty : new NameTable(new EquatableArray<SpecNames>(renamed));
    }
}
