using System.Text;
using Kapi.Architectures;
using Kapi.Model;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// What the number passed to <c>syscall(2)</c> selects on the architectures it is checked for: the spec'd call and the
/// architectures (a bit per <see cref="KapiArchitecture"/>) on which that call's arguments are checked; or, when the
/// number is not one call everywhere, why not (for KAPI2004; null when it names no call with a constrained parameter
/// on any of them, which is silent). Equal when the spec is the same instance (one catalog) and the architectures match.
/// </summary>
internal sealed class SyscallResolution : IEquatable<SyscallResolution>
{
    public SyscallResolution(ApiSpec? spec, int architectures, string? whyNot)
    {
        Spec = spec;
        Architectures = architectures;
        WhyNot = whyNot;
    }

    public static SyscallResolution None { get; } = new(null, 0, null);

    public ApiSpec? Spec { get; }

    public int Architectures { get; }

    public string? WhyNot { get; }

    public bool Equals(SyscallResolution? other) =>
        other is not null && ReferenceEquals(Spec, other.Spec) && Architectures == other.Architectures
        && string.Equals(WhyNot, other.WhyNot, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SyscallResolution);

    public override int GetHashCode() =>
        unchecked((System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Spec) * 31) + Architectures);
}

/// <summary>
/// Maps syscall numbers back to calls, per architecture, from the <c>__NR_*</c> entries of the built-in UAPI table
/// (<see cref="UapiConstants"/>, checked against every architecture's headers): on each architecture the number must
/// be the <c>__NR_</c> constant of a call with a spec. The one exception the table's own comment records:
/// <c>__NR_mmap</c> on x86 and s390x is old_mmap, which takes a pointer to a struct of the six arguments, so there it
/// names no spec'd call (mmap2, the 32-bit mmap, has no spec of its own either).
/// </summary>
internal static class SyscallNumbers
{
    private const string Prefix = "__NR_";

    // index = (int)KapiArchitecture: number -> call name (without __NR_); a number two names share maps to null
    private static readonly Lazy<Dictionary<long, string?>[]> s_byNumber = new(Build);

    private static Dictionary<long, string?>[] Build()
    {
        var tables = new Dictionary<long, string?>[KapiArchitectures.Count];
        for (int i = 0; i < tables.Length; i++) tables[i] = new Dictionary<long, string?>();
        foreach (var name in UapiConstants.Names)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            string call = name.Substring(Prefix.Length);
            foreach (var arch in ArchitectureSet.All)
            {
                if (!UapiConstants.TryGetValue(name, arch, out long number)) continue;
                string mapped = call == "mmap" && arch is KapiArchitecture.X86 or KapiArchitecture.S390x ? "old_mmap" : call;
                var table = tables[(int)arch];
                table[number] = table.ContainsKey(number) ? null : mapped;
            }
        }
        return tables;
    }

    /// <summary>The call that <paramref name="number"/> is on <paramref name="arch"/> (short name: "mlockall"), or null.</summary>
    public static string? CallName(KapiArchitecture arch, long number) =>
        s_byNumber.Value[(int)arch].TryGetValue(number, out var name) ? name : null;

    /// <summary>
    /// The spec'd call that the proven <paramref name="number"/> selects on every one of <paramref name="targets"/> (a bit
    /// per architecture), checked on those of them where the signature's arguments land where the kernel reads them
    /// (<paramref name="layout"/>). Architectures where the number has no value (the call cannot run there) are left out.
    /// </summary>
    public static SyscallResolution Resolve(ProvenValues number, int targets, int layout, Specs.SpecCatalog catalog)
    {
        var resolution = Resolve(number, targets, catalog);
        if (resolution.Spec is not { } spec || (resolution.Architectures & ~layout) == 0) return resolution;
        int checkedOn = resolution.Architectures & layout;
        if (checkedOn != 0) return new SyscallResolution(spec, checkedOn, null);
        return new SyscallResolution(null, 0,
            $"the number is {spec.Name}, but on {new ArchitectureSet(resolution.Architectures).RidNames()} a 64-bit 'long' parameter takes two argument slots, so the arguments after it are not where the kernel reads them (declare them nint)");
    }

    private static SyscallResolution Resolve(ProvenValues number, int architectures, Specs.SpecCatalog catalog)
    {
        ApiSpec? common = null;
        bool same = true, anyChecked = false;
        int checkedOn = 0;
        var seen = new List<(KapiArchitecture Arch, long Number, string? Call, ApiSpec? Spec)>();
        foreach (var arch in ArchitectureSet.All)
        {
            if ((architectures & (1 << (int)arch)) == 0 || number[arch] is not { } lane) continue;
            checkedOn |= 1 << (int)arch;
            foreach (long value in lane)
            {
                string? call = CallName(arch, value);
                ApiSpec? spec = call is not null && catalog.TryGetSyscall(call, out var s) ? s : null;
                seen.Add((arch, value, call, spec));
                if (spec is not null && spec.Params.Any(FlagTargets.IsChecked)) anyChecked = true;
                if (spec is null || (common is not null && !ReferenceEquals(common, spec))) same = false;
                common ??= spec;
            }
        }
        if (seen.Count == 0) return SyscallResolution.None;
        if (same && common is not null) return new SyscallResolution(common, checkedOn, null);
        return anyChecked ? new SyscallResolution(null, 0, Describe(seen)) : SyscallResolution.None;
    }

    /// <summary>"the syscall number is sys_mlockall on x64 (151), munlock on x86 (151) and a call Kapi has no number for on arm64 (151) …".</summary>
    private static string Describe(List<(KapiArchitecture Arch, long Number, string? Call, ApiSpec? Spec)> seen)
    {
        var groups = new List<(string What, List<string> Where)>();
        foreach (var (arch, value, call, spec) in seen)
        {
            string what = spec?.Name ?? call ?? "a call Kapi has no number for";
            string where = $"{arch.RidName()} ({value})";
            var group = groups.FirstOrDefault(g => g.What == what);
            if (group.Where is null) groups.Add((what, new List<string> { where }));
            else if (!group.Where.Contains(where)) group.Where.Add(where);
        }
        var text = new StringBuilder("the syscall number is ");
        for (int i = 0; i < groups.Count; i++)
        {
            if (i > 0) text.Append(i == groups.Count - 1 ? " and " : ", ");
            text.Append(groups[i].What).Append(" on ").Append(string.Join(", ", groups[i].Where));
        }
        text.Append(", not one specified call on every target architecture (pin them with RuntimeIdentifier or KapiTargetArchitectures)");
        return text.ToString();
    }
}
