namespace Kapi.Analyzers;

/// <summary>
/// The IDs of the usage diagnostics (KAPI2xxx). Public so that code fixes, suppressions and tests can refer to them.
/// The spec-file diagnostics use the front end's IDs (KAPI0xxx, <c>Kapi.Diagnostics.KapiDiagnostics.All</c>).
/// </summary>
public static class KapiDiagnosticIds
{
    /// <summary>A flags argument sets bits outside the parameter's valid mask (warning).</summary>
    public const string InvalidFlagBits = "KAPI2001";

    /// <summary>A flags argument stays inside the mask but the specification rejects the value (warning).</summary>
    public const string RejectedFlagValue = "KAPI2002";

    /// <summary>A hard-coded flags value is right on some target architectures only (info).</summary>
    public const string ArchitectureDependentFlagValue = "KAPI2003";

    /// <summary>A flags argument cannot be proven at compile time (hidden).</summary>
    public const string UnprovableFlagValue = "KAPI2004";

    /// <summary>A constant of another flag family is passed (warning).</summary>
    public const string ForeignFlagConstant = "KAPI2005";

    /// <summary>Two spec files define the same API name (the front end's rule, reported across files).</summary>
    public const string DuplicateSpec = "KAPI0303";
}
