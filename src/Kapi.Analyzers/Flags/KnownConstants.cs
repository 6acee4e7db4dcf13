using Kapi.Analyzers.Specs;
using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers.Flags;

/// <summary>Constants of binding libraries that metadata does not carry as constants.</summary>
internal static class KnownConstants
{
    /// <summary>
    /// Tmds.Linux.LibC's constants are expression-bodied static properties (no constant in metadata, and the reference
    /// assembly has no bodies). Tmds ships one implementation assembly per architecture it supports, with the UAPI
    /// values of that architecture, so the value is the UAPI value on x64, arm and arm64, and not applicable elsewhere.
    /// </summary>
    public static Proof? GetProperty(IPropertySymbol property, SpecCatalog catalog)
    {
        if (!property.IsStatic || !property.Parameters.IsEmpty) return null;
        if (!SymbolNames.Is(property.ContainingType, FlagTargets.TmdsLibCType)) return null;
        if (!IntegerTypes.IsIntegral(property.Type)) return null;
        bool any = false;
        var values = ProvenValues.PerArchitecture(arch =>
        {
            if (!FlagTargets.TmdsArchitectures.Contains(arch)) return null;
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
