using Kapi.Analyzers.Specs;
using Kapi.Architectures;
using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers.Flags;

/// <summary>Constants of binding libraries that metadata does not carry as constants, and values fixed by the architecture.</summary>
internal static class KnownConstants
{
    private const string RuntimeInformationType = "System.Runtime.InteropServices.RuntimeInformation";

    /// <summary>
    /// Values that are constant for a process on each architecture: <c>RuntimeInformation.ProcessArchitecture</c> (the
    /// <c>Architecture</c> member named like the architecture), <c>IntPtr.Size</c>/<c>UIntPtr.Size</c> and
    /// <c>Environment.Is64BitProcess</c> (1 or 0). Not <c>OSArchitecture</c>: an x86 process on an x64 kernel makes
    /// x86 calls. Null for other properties.
    /// </summary>
    public static Proof? GetArchitectureProperty(IPropertySymbol property)
    {
        switch (property.Name)
        {
            case "ProcessArchitecture" when SymbolNames.Is(property.ContainingType, RuntimeInformationType)
                                           && property.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } architecture:
            {
                var members = FlagTargets.EnumMembers(architecture);
                return ProvenValues.PerArchitecture(arch =>
                {
                    foreach (var (name, value) in members)
                    {
                        if (string.Equals(name, arch.RidName(), StringComparison.OrdinalIgnoreCase)) return value;
                    }
                    return null;
                });
            }
            case "Size" when property.ContainingType.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr:
                return ProvenValues.PerArchitecture(arch => arch.PointerSize());
            case "Is64BitProcess" when SymbolNames.Is(property.ContainingType, "System.Environment"):
                return ProvenValues.PerArchitecture(arch => arch.Is64Bit() ? 1 : 0);
        }
        return null;
    }

    /// <summary>
    /// The values of <see cref="GetArchitectureProperty"/>, and Tmds.Linux.LibC's constants. Those are expression-bodied static properties (no constant in metadata, and the reference
    /// assembly has no bodies). Tmds ships one implementation assembly per architecture it supports, with the UAPI
    /// values of that architecture, so the value is the UAPI value on x64, arm and arm64, and not applicable elsewhere.
    /// </summary>
    public static Proof? GetProperty(IPropertySymbol property, SpecCatalog catalog)
    {
        if (!property.IsStatic || !property.Parameters.IsEmpty) return null;
        if (GetArchitectureProperty(property) is { } fixedByArchitecture) return fixedByArchitecture;
        if (!SymbolNames.Is(property.ContainingType, FlagTargets.TmdsLibCType)) return null;
        if (!IntegerTypes.IsIntegral(property.Type)) return null;
        bool any = false;
        var values = ProvenValues.PerArchitecture(arch =>
        {
            if (!ArchitectureSet.Tmds.Contains(arch)) return null;
            if (catalog.TryGetConstant(property.Name, arch, out long v))
            {
                any = true;
                return IntegerTypes.Normalize(v, property.Type);
            }
            return null;
        });
        return any ? Proof.Of(values) : Proof.Fail($"the value of {FlagTargets.TmdsLibCType}.{property.Name} is not known");
    }
}
