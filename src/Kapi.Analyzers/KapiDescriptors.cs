using System.Collections.Immutable;
using Kapi.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers;

/// <summary>The Roslyn descriptors of every rule the analyzers report.</summary>
public static class KapiDescriptors
{
    /// <summary>Category of the diagnostics reported inside <c>.kapi</c> files (front-end rules).</summary>
    public const string SpecCategory = "Kapi.Spec";

    /// <summary>Category of the diagnostics reported at call sites (KAPI2xxx).</summary>
    public const string UsageCategory = "Kapi.Usage";

    /// <summary>The help link of a rule: the same pattern as <see cref="KapiDiagnosticDescriptor.HelpLink"/>.</summary>
    public static string HelpLink(string id) => new KapiDiagnosticDescriptor(id, id, id, KapiSeverity.Hidden, id).HelpLink;

    public static readonly DiagnosticDescriptor InvalidFlagBits = new(
        KapiDiagnosticIds.InvalidFlagBits,
        title: "Flag bits outside the valid mask",
        messageFormat: "{0}: the value passed for '{1}' sets bit(s) {2} outside the valid mask {3} on {4}; valid flags: {5}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The argument sets bits that the kernel specification of the call does not allow (its valid mask). The kernel rejects such a call with EINVAL, or silently ignores the bits. The mask is checked on the target architecture(s): the pinned RuntimeIdentifier or PlatformTarget, else every Linux architecture .NET supports, in which case the diagnostic is reported only when the bits are invalid on all of them.",
        helpLinkUri: HelpLink(KapiDiagnosticIds.InvalidFlagBits));

    public static readonly DiagnosticDescriptor RejectedFlagValue = new(
        KapiDiagnosticIds.RejectedFlagValue,
        title: "Flag value rejected by the specification",
        messageFormat: "{0}: the value {1} passed for '{2}' is rejected: {3}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every bit of the argument is inside the valid mask, but the specification still rejects the value: at least one bit of the parameter's required mask (.required_mask) must be set, or an enumerated field (.enum_mask/.enum_values, such as the O_ACCMODE field of open) holds a value that is not allowed.",
        helpLinkUri: HelpLink(KapiDiagnosticIds.RejectedFlagValue));

    public static readonly DiagnosticDescriptor ArchitectureDependentFlagValue = new(
        KapiDiagnosticIds.ArchitectureDependentFlagValue,
        title: "Flag value valid on some architectures only",
        messageFormat: "{0}: the value {1} passed for '{2}' is valid on {3} but not on {4}; pin the RuntimeIdentifier or use {5}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The flag constants of some calls have different numeric values on different architectures (MCL_CURRENT is 1 on x64 and arm64 but 0x2000 on ppc64le). A hard-coded value is then right on some architectures only. Either pin the project to the architectures where it is right (RuntimeIdentifier, PlatformTarget or KapiTargetArchitectures) or use the generated binding, whose flags enum is translated for the architecture the process runs on.",
        helpLinkUri: HelpLink(KapiDiagnosticIds.ArchitectureDependentFlagValue));

    public static readonly DiagnosticDescriptor UnprovableFlagValue = new(
        KapiDiagnosticIds.UnprovableFlagValue,
        title: "Flag value cannot be checked at compile time",
        messageFormat: "{0}: the value passed for '{1}' cannot be checked at compile time: {2}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Hidden,
        isEnabledByDefault: true,
        description: "The analyzer proves flag values from literals, constants, enum members, casts, bitwise operators, locals whose every assignment is provable, switch and conditional expressions, static readonly fields initialised with constants and properties or methods that return a constant. Any other value (a parameter, a value read at run time) cannot be checked. Raise the severity of this rule to find every unchecked call.",
        helpLinkUri: HelpLink(KapiDiagnosticIds.UnprovableFlagValue));

    public static readonly DiagnosticDescriptor ForeignFlagConstant = new(
        KapiDiagnosticIds.ForeignFlagConstant,
        title: "Constant of another flag family",
        messageFormat: "{0}: '{1}' is a flag of {2}, not of '{3}' (valid flags: {4})",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A named constant that belongs to the flags of another call (an MLOCK_* constant passed to mlockall, an MCL_* constant passed to mlock2) is a type confusion even when its numeric value happens to be valid: the meaning of the bits differs.",
        helpLinkUri: HelpLink(KapiDiagnosticIds.ForeignFlagConstant));

    /// <summary>The usage rules, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> UsageRules { get; } = ImmutableArray.Create(
        InvalidFlagBits, RejectedFlagValue, ArchitectureDependentFlagValue, UnprovableFlagValue, ForeignFlagConstant);

    /// <summary>One descriptor per front-end rule (<see cref="KapiDiagnostics.All"/>), in catalog order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> SpecRules => KapiSpecDescriptors.All;

    /// <summary>The descriptor of a front-end rule, or null for an ID the catalog does not know.</summary>
    public static DiagnosticDescriptor? GetSpecRule(string id) => KapiSpecDescriptors.Get(id);

    public static DiagnosticSeverity ToRoslyn(KapiSeverity severity) => severity switch
    {
        KapiSeverity.Error => DiagnosticSeverity.Error,
        KapiSeverity.Warning => DiagnosticSeverity.Warning,
        KapiSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
