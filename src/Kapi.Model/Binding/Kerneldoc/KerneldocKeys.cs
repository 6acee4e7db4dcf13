namespace Kapi.Binding.Kerneldoc;

/// <summary>
/// The three dialects of the kerneldoc form. <see cref="Gen1"/> (RFC v3): flat keys, per-parameter keys with the
/// parameter's name first (<c>param-type: len, KAPI_TYPE_UINT</c>). <see cref="Gen2"/> (RFC PATCH v4 … PATCH v2):
/// item blocks (<c>param: len</c> with indented <c>type:</c>, <c>flags:</c> …) and <c>KAPI_*</c> values.
/// <see cref="Gen3"/> (PATCH v3, v4): the same blocks with short lower-case tokens (<c>contexts: process, sleepable</c>,
/// <c>type: int, input</c>, <c>constraint-type: mask(…)</c>); <c>KAPI_*</c> spellings stay valid.
/// </summary>
internal enum KerneldocDialect
{
    Gen1,
    Gen2,
    Gen3,
}

/// <summary>The keys of each dialect and the sub-keys of each item, for reading and for "did you mean".</summary>
internal static class KerneldocKeys
{
    /// <summary>kernel-doc's own sections: always allowed in a spec comment, not KAPI keys (compared case-insensitively).</summary>
    public static readonly HashSet<string> KernelDocSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "description", "context", "return", "returns", "note", "notes", "example", "examples", "locking", "warning",
    };

    /// <summary>The top-level keys of RFC v3 (gen 1).</summary>
    public static readonly string[] Gen1 =
    {
        "long-desc", "context-flags", "param-count", "param-type", "param-flags", "param-constraint-type", "param-constraint",
        "param-range", "param-mask", "return-type", "return-check-type", "return-check", "return-success", "error-code",
        "error-count", "lock", "lock-acquired", "lock-released", "lock-desc", "lock-count", "lock-req", "signal",
        "signal-direction", "signal-action", "signal-condition", "signal-desc", "signal-error", "signal-timing",
        "signal-priority", "signal-interruptible", "signal-state-req", "signal-count", "capability", "capability-allows",
        "capability-without", "capability-condition", "capability-priority", "capability-count", "constraint",
        "constraint-expr", "side-effect", "state-trans", "struct-type", "struct-field", "struct-field-range",
        "struct-field-enum", "examples", "notes", "since-version", "since", "api-type",
    };

    /// <summary>The top-level keys of the item-block dialects (gen 2 and 3; gen 3 adds <c>contexts</c>).</summary>
    public static readonly string[] Gen2 =
    {
        "long-desc", "context-flags", "param-count", "param", "return", "error", "error-count", "lock", "signal", "side-effect",
        "state-trans", "capability", "constraint", "struct", "validation-group", "examples", "notes", "since-version", "since",
        "api-type",
    };

    public static readonly string[] Gen3 =
    {
        "long-desc", "contexts", "context-flags", "param-count", "param", "return", "error", "error-count", "lock", "signal",
        "side-effect", "state-trans", "capability", "constraint", "examples", "notes", "api-type",
    };

    /// <summary>Top-level keys the flat gen-1 form shares with the blocks (accepted in every dialect, as upstream's tool does).</summary>
    public static readonly HashSet<string> AllTopLevel = Union(Gen1, Gen2, Gen3);

    public static string[] TopLevel(KerneldocDialect dialect) => dialect switch
    {
        KerneldocDialect.Gen1 => Gen1,
        KerneldocDialect.Gen2 => Gen2,
        _ => Gen3,
    };

    /// <summary>The dialect name for messages.</summary>
    public static string Describe(KerneldocDialect dialect) => dialect switch
    {
        KerneldocDialect.Gen1 => "an RFC v3 (flat keys) spec comment",
        KerneldocDialect.Gen2 => "a spec comment (RFC PATCH v4 … PATCH v2 item blocks)",
        _ => "a spec comment (PATCH v3/v4 item blocks)",
    };

    private static HashSet<string> Union(params string[][] sets)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets) all.UnionWith(set);
        return all;
    }
}
