namespace Kapi.Kerneldoc;

/// <summary>
/// What tells a file that may hold a spec from one that cannot: the KAPI keys that make a kernel-doc comment a spec
/// comment, and the entry names of the C-macro form. Declared once, for the reader, the binder (which parses a C file
/// as C only when it names an entry) and the byte-level <see cref="SpecPrefilter"/>.
/// </summary>
public static class SpecMarkers
{
    /// <summary>Top-level keys that only a KAPI spec comment has (kernel-doc's own sections are not among them).</summary>
    public static readonly string[] IndicatorKeys =
    {
        "long-desc", "context-flags", "contexts", "param", "param-type", "param-flags", "param-constraint",
        "param-constraint-type", "param-range", "param-mask", "param-count", "error", "error-code", "error-count", "lock",
        "lock-acquired", "lock-released", "lock-desc", "lock-count", "signal", "signal-direction", "signal-action",
        "signal-count", "side-effect", "side-effect-count", "state-trans", "state-trans-count", "capability",
        "capability-count", "constraint", "constraint-expr", "api-type", "since-version", "struct", "validation-group",
        "return-type", "return-check-type", "return-check", "return-success",
    };

    /// <summary>
    /// The entry names of the macro form, and the RFC v1 ioctl struct's type: a C file that names none holds no
    /// macro-form spec. Each ends in <c>_SPEC</c> or <c>_spec</c> (the prefilter's vector scan looks for that).
    /// </summary>
    public static readonly string[] MacroEntryNames =
    {
        "DEFINE_KERNEL_API_SPEC", "DEFINE_KAPI_IOCTL_SPEC", "DEFINE_SYSFS_API_SPEC", "DEFINE_IOCTL_API_SPEC", "kapi_ioctl_spec",
    };
}
