using System.Threading;
using Kapi.Architectures;
using Kapi.Model;

namespace Kapi.Analyzers.Specs;

/// <summary>A parameter of a spec, with the spec it belongs to.</summary>
internal readonly record struct SpecParameter(ApiSpec Spec, ParamSpec Param)
{
    public string DisplayName => $"{Spec.Name} '{Param.Name ?? "#" + Param.Index}'";
}

/// <summary>
/// The specs one compilation sees: the built-in library overlaid with the compilation's own <c>.kapi</c>
/// AdditionalFiles (a user spec replaces a built-in one of the same name). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The built-in library's catalog is lazy (<see cref="CreateLazy"/>): its index (names, syscall entry points, flag names)
/// is known up front, the flag index is built on the first flag lookup, and each spec is constructed when a lookup first
/// returns it, once per process (every caller gets the same instance, so reference comparisons of specs and parameters hold).
/// </remarks>
internal sealed class SpecCatalog
{
    private readonly Dictionary<string, SpecSlot> _byName;
    private readonly Dictionary<string, SpecSlot> _syscallsByEntry;
    private readonly Func<string[]?[][]>? _flagNames;
    private Dictionary<string, FlagOwners>? _flagOwners;

    public static SpecCatalog Empty { get; } = new(Array.Empty<ApiSpec>());

    public SpecCatalog(IEnumerable<ApiSpec> specs)
    {
        _byName = new Dictionary<string, SpecSlot>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            // later sequences override earlier ones (user files after the built-in library)
            _byName[spec.Name] = new SpecSlot(spec);
        }

        _syscallsByEntry = new Dictionary<string, SpecSlot>(StringComparer.Ordinal);
        var flagOwners = new Dictionary<string, FlagOwners>(StringComparer.Ordinal);
        foreach (var slot in _byName.Values)
        {
            var spec = slot.Spec;
            if (spec.IsSyscall) _syscallsByEntry[spec.ShortName] = slot;
            for (int i = 0; i < spec.Params.Count; i++)
            {
                var p = spec.Params[i];
                foreach (var f in p.MaskFlags) AddOwner(flagOwners, f.Name, slot, i);
                foreach (var f in p.EnumValues) AddOwner(flagOwners, f.Name, slot, i);
            }
        }
        _flagOwners = flagOwners;
    }

    private SpecCatalog(string[] names, string?[] syscallEntries, Func<string[]?[][]> flagNames, Func<int, ApiSpec> create)
    {
        _byName = new Dictionary<string, SpecSlot>(names.Length, StringComparer.Ordinal);
        _syscallsByEntry = new Dictionary<string, SpecSlot>(StringComparer.Ordinal);
        _flagNames = flagNames;
        for (int i = 0; i < names.Length; i++)
        {
            _byName[names[i]] = new SpecSlot(i, create);
        }
        foreach (var slot in _byName.Values)
        {
            if (syscallEntries[slot.Index] is { } entry) _syscallsByEntry[entry] = slot;
        }
    }

    /// <summary>The flag index: flag name → the (spec, parameter) pairs that list it, in catalog order.</summary>
    private Dictionary<string, FlagOwners> FlagIndex => Volatile.Read(ref _flagOwners) ?? BuildFlagIndex();

    private Dictionary<string, FlagOwners> BuildFlagIndex()
    {
        var flagNames = _flagNames!();
        var flagOwners = new Dictionary<string, FlagOwners>(StringComparer.Ordinal);
        foreach (var slot in _byName.Values)
        {
            var parameters = flagNames[slot.Index];
            for (int p = 0; p < parameters.Length; p++)
            {
                if (parameters[p] is not { } flags) continue;
                foreach (var flag in flags) AddOwner(flagOwners, flag, slot, p);
            }
        }
        return Interlocked.CompareExchange(ref _flagOwners, flagOwners, null) ?? flagOwners;
    }

    /// <summary>
    /// A catalog whose specs are constructed on first use: <paramref name="names"/>, <paramref name="syscallEntries"/>
    /// (the libc entry point of each syscall spec, else null) and what <paramref name="flagNames"/> returns (per spec, per
    /// parameter in <c>Params</c> order: its mask flag names, then its enumerated value names; called on the first flag
    /// lookup) must describe what <paramref name="create"/> returns for each index.
    /// </summary>
    public static SpecCatalog CreateLazy(string[] names, string?[] syscallEntries, Func<string[]?[][]> flagNames, Func<int, ApiSpec> create) =>
        new(names, syscallEntries, flagNames, create);

    /// <summary>Overlays <paramref name="overrides"/> on <paramref name="baseSpecs"/>.</summary>
    public static SpecCatalog Create(IEnumerable<ApiSpec> baseSpecs, IEnumerable<ApiSpec> overrides)
    {
        var all = new List<ApiSpec>(baseSpecs);
        all.AddRange(overrides);
        return new SpecCatalog(all);
    }

    public int Count => _byName.Count;

    /// <summary>Every spec (constructs those not constructed yet).</summary>
    public IEnumerable<ApiSpec> Specs
    {
        get
        {
            foreach (var slot in _byName.Values) yield return slot.Spec;
        }
    }

    public bool TryGetSpec(string name, out ApiSpec spec)
    {
        if (_byName.TryGetValue(name, out var slot))
        {
            spec = slot.Spec;
            return true;
        }
        spec = null!;
        return false;
    }

    /// <summary>The syscall spec whose libc entry point is <paramref name="entryPoint"/> (sys_mlockall for "mlockall").</summary>
    public bool TryGetSyscall(string entryPoint, out ApiSpec spec)
    {
        if (_syscallsByEntry.TryGetValue(entryPoint, out var slot))
        {
            spec = slot.Spec;
            return true;
        }
        spec = null!;
        return false;
    }

    /// <summary>The spec parameters that list <paramref name="flagName"/> among their flags or enumerated values.</summary>
    public IReadOnlyList<SpecParameter> OwnersOfFlag(string flagName) =>
        FlagIndex.TryGetValue(flagName, out var owners) ? owners.Parameters : Array.Empty<SpecParameter>();

    /// <summary>The value of a named flag on <paramref name="arch"/>, from the specs first, else the built-in UAPI table.</summary>
    public bool TryGetConstant(string name, KapiArchitecture arch, out long value)
    {
        if (FlagIndex.TryGetValue(name, out var owners))
        {
            foreach (var owner in owners.Parameters)
            {
                foreach (var f in owner.Param.MaskFlags)
                {
                    if (f.Name == name && f.Value[arch] is long v) { value = v; return true; }
                }
                foreach (var f in owner.Param.EnumValues)
                {
                    if (f.Name == name && f.Value[arch] is long v) { value = v; return true; }
                }
            }
        }
        return UapiConstants.TryGetValue(name, arch, out value);
    }

    private static void AddOwner(Dictionary<string, FlagOwners> index, string name, SpecSlot slot, int parameter)
    {
        if (!index.TryGetValue(name, out var owners))
        {
            owners = new FlagOwners();
            index[name] = owners;
        }
        owners.Add(slot, parameter);
    }

    /// <summary>A spec, or the way to construct it on first use (published once: every reader gets the same instance).</summary>
    private sealed class SpecSlot
    {
        private readonly Func<int, ApiSpec>? _create;
        private ApiSpec? _spec;

        public SpecSlot(ApiSpec spec) => _spec = spec;

        public SpecSlot(int index, Func<int, ApiSpec> create)
        {
            Index = index;
            _create = create;
        }

        /// <summary>The index passed to the factory (lazy slots).</summary>
        public int Index { get; }

        public ApiSpec Spec => Volatile.Read(ref _spec) ?? Construct();

        private ApiSpec Construct()
        {
            var created = _create!(Index);
            return Interlocked.CompareExchange(ref _spec, created, null) ?? created;
        }
    }

    /// <summary>The (spec, parameter position) pairs that own a flag name, in catalog order; resolved on first use.</summary>
    private sealed class FlagOwners
    {
        private readonly List<(SpecSlot Slot, int Parameter)> _owners = new(1);
        private SpecParameter[]? _parameters;

        public void Add(SpecSlot slot, int parameter)
        {
            foreach (var (s, p) in _owners)
            {
                if (ReferenceEquals(s, slot) && p == parameter) return;
            }
            _owners.Add((slot, parameter));
        }

        public IReadOnlyList<SpecParameter> Parameters => Volatile.Read(ref _parameters) ?? Resolve();

        private SpecParameter[] Resolve()
        {
            var resolved = new SpecParameter[_owners.Count];
            for (int i = 0; i < resolved.Length; i++)
            {
                var spec = _owners[i].Slot.Spec;
                resolved[i] = new SpecParameter(spec, spec.Params[_owners[i].Parameter]);
            }
            return Interlocked.CompareExchange(ref _parameters, resolved, null) ?? resolved;
        }
    }
}
