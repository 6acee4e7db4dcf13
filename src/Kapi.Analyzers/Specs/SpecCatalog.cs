using System;
using System.Collections.Generic;
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
internal sealed class SpecCatalog
{
    private readonly Dictionary<string, ApiSpec> _byName;
    private readonly Dictionary<string, ApiSpec> _syscallsByEntry;
    private readonly Dictionary<string, List<SpecParameter>> _flagOwners;

    public static SpecCatalog Empty { get; } = new(Array.Empty<ApiSpec>());

    public SpecCatalog(IEnumerable<ApiSpec> specs)
    {
        _byName = new Dictionary<string, ApiSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            // later sequences override earlier ones (user files after the built-in library)
            _byName[spec.Name] = spec;
        }

        _syscallsByEntry = new Dictionary<string, ApiSpec>(StringComparer.Ordinal);
        _flagOwners = new Dictionary<string, List<SpecParameter>>(StringComparer.Ordinal);
        foreach (var spec in _byName.Values)
        {
            if (spec.IsSyscall) _syscallsByEntry[spec.ShortName] = spec;
            foreach (var p in spec.Params)
            {
                foreach (var f in p.MaskFlags) AddOwner(f.Name, spec, p);
                foreach (var f in p.EnumValues) AddOwner(f.Name, spec, p);
            }
        }
    }

    /// <summary>Overlays <paramref name="overrides"/> on <paramref name="baseSpecs"/>.</summary>
    public static SpecCatalog Create(IEnumerable<ApiSpec> baseSpecs, IEnumerable<ApiSpec> overrides)
    {
        var all = new List<ApiSpec>(baseSpecs);
        all.AddRange(overrides);
        return new SpecCatalog(all);
    }

    public int Count => _byName.Count;

    public IEnumerable<ApiSpec> Specs => _byName.Values;

    public bool TryGetSpec(string name, out ApiSpec spec) => _byName.TryGetValue(name, out spec!);

    /// <summary>The syscall spec whose libc entry point is <paramref name="entryPoint"/> (sys_mlockall for "mlockall").</summary>
    public bool TryGetSyscall(string entryPoint, out ApiSpec spec) => _syscallsByEntry.TryGetValue(entryPoint, out spec!);

    /// <summary>The spec parameters that list <paramref name="flagName"/> among their flags or enumerated values.</summary>
    public IReadOnlyList<SpecParameter> OwnersOfFlag(string flagName) =>
        _flagOwners.TryGetValue(flagName, out var owners) ? owners : Array.Empty<SpecParameter>();

    /// <summary>The value of a named flag on <paramref name="arch"/>, from the specs first, else the built-in UAPI table.</summary>
    public bool TryGetConstant(string name, KapiArchitecture arch, out long value)
    {
        if (_flagOwners.TryGetValue(name, out var owners))
        {
            foreach (var owner in owners)
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

    private void AddOwner(string name, ApiSpec spec, ParamSpec param)
    {
        if (!_flagOwners.TryGetValue(name, out var list))
        {
            list = new List<SpecParameter>();
            _flagOwners[name] = list;
        }
        foreach (var existing in list)
        {
            if (ReferenceEquals(existing.Spec, spec) && ReferenceEquals(existing.Param, param)) return;
        }
        list.Add(new SpecParameter(spec, param));
    }
}
