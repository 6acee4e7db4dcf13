using Kapi.Generators.Emitting;

namespace Kapi.Generators.Planning;

/// <summary>How spec names become C# names. Deterministic and independent of file paths.</summary>
internal static class GeneratedNames
{
    // Members of the generated KernelApiSpecs class and of object that a spec member must not shadow.
    private static readonly HashSet<string> s_reservedMembers = new(StringComparer.Ordinal)
    {
        "All", "Find", "Get", "TryGet", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals",
        "MemberwiseClone", "KernelApiSpecs",
    };

    /// <summary>The property of <c>KernelApiSpecs</c> that returns the spec: <c>sys_mlockall</c> → <c>SysMlockall</c>.</summary>
    public static string MetadataMember(string specName)
    {
        var name = CSharp.Pascal(specName, "Spec");
        return s_reservedMembers.Contains(name) ? name + "Spec" : name;
    }

    /// <summary>
    /// The ownership key: the metadata member, upper-cased, so that specs whose names would give the same identifier or
    /// hint name (which compare case-insensitively) count as duplicates. The generator emits only the first spec of a key
    /// (SpecOwnership); the spec-file analyzer reports the others as KAPI0303 (this file is compiled into it too).
    /// </summary>
    public static string OwnershipKey(string specName) => MetadataMember(specName).ToUpperInvariant();

    /// <summary>The hint name of a spec's generated file.</summary>
    public static string SpecHintName(string metadataMember) => $"Kapi.Spec.{metadataMember}.g.cs";

    public const string IndexHintName = "Kapi.KernelApiSpecs.g.cs";

    public const string RegistryClassName = "KernelApiSpecs";

    /// <summary>The wrapper method: <c>sys_epoll_create1</c> → <c>EpollCreate1</c>.</summary>
    public static string MethodName(string shortName, string className)
    {
        var name = CSharp.Pascal(shortName, "Syscall");
        return string.Equals(name, className, StringComparison.Ordinal) || s_reservedMembers.Contains(name) ? name + "Syscall" : name;
    }
}
