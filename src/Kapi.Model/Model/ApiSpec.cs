using Kapi.Model.Schema;
using Kapi.Vocabulary;

namespace Kapi.Model;

public enum ApiKind
{
    /// <summary><c>DEFINE_KERNEL_API_SPEC</c>: a syscall or kernel function.</summary>
    Function,
    /// <summary><c>DEFINE_KAPI_IOCTL_SPEC</c> or the RFC v1 <c>struct kapi_ioctl_spec</c> form.</summary>
    Ioctl,
    /// <summary><c>DEFINE_SYSFS_API_SPEC</c>: a sysfs attribute.</summary>
    Sysfs,
}

/// <summary>
/// One bound spec. Immutable, value-equatable, carries no source positions (so that a comment-only edit of a
/// spec file yields an equal model). Every section of the KAPI vocabulary has a place here; <see cref="Schema"/>
/// describes each field once, for the binder, the generator's metadata and the CLI.
/// </summary>
public sealed record ApiSpec
{
    public string Name { get; init; } = string.Empty;

    public ApiKind Kind { get; init; }

    /// <summary>The version of the spec itself (<c>.version</c>), as the kernel's struct kernel_api_spec has it.</summary>
    public KapiValue? Version { get; init; }

    public string? Description { get; init; }

    public string? LongDescription { get; init; }

    /// <summary>The contexts the call may run in (<c>KAPI_CONTEXT</c>, <c>context-flags:</c>, <c>contexts:</c>).</summary>
    public KapiTerm<KapiContextFlags>? ContextFlags { get; init; }

    public EquatableArray<ParamSpec> Params { get; init; } = EquatableArray<ParamSpec>.Empty;

    public ReturnSpec? Return { get; init; }

    public EquatableArray<ErrorSpec> Errors { get; init; } = EquatableArray<ErrorSpec>.Empty;

    public EquatableArray<SignalSpec> Signals { get; init; } = EquatableArray<SignalSpec>.Empty;

    public EquatableArray<SignalMaskSpec> SignalMasks { get; init; } = EquatableArray<SignalMaskSpec>.Empty;

    public EquatableArray<SideEffectSpec> SideEffects { get; init; } = EquatableArray<SideEffectSpec>.Empty;

    public EquatableArray<StateTransitionSpec> StateTransitions { get; init; } = EquatableArray<StateTransitionSpec>.Empty;

    public EquatableArray<LockSpec> Locks { get; init; } = EquatableArray<LockSpec>.Empty;

    public EquatableArray<CapabilitySpec> Capabilities { get; init; } = EquatableArray<CapabilitySpec>.Empty;

    public EquatableArray<ConstraintSpec> Constraints { get; init; } = EquatableArray<ConstraintSpec>.Empty;

    public EquatableArray<StructSpec> StructSpecs { get; init; } = EquatableArray<StructSpec>.Empty;

    public string? Examples { get; init; }

    public string? Notes { get; init; }

    public string? SinceVersion { get; init; }

    public bool Deprecated { get; init; }

    public string? Replacement { get; init; }

    /// <summary>The counts the spec declares (<c>.error_count = 5</c>, <c>KAPI_PARAM_COUNT(1)</c>), as written.</summary>
    public EquatableArray<DeclaredCount> DeclaredCounts { get; init; } = EquatableArray<DeclaredCount>.Empty;

    public IoctlInfo? Ioctl { get; init; }

    public SysfsInfo? Sysfs { get; init; }

    public NetworkInfo? Network { get; init; }

    /// <summary>The name without the <c>sys_</c> prefix: the libc function for syscalls (<c>sys_mlockall</c> → <c>mlockall</c>).</summary>
    public string ShortName => ApiNames.Short(Name);

    public bool IsSyscall => Kind == ApiKind.Function && Name.StartsWith("sys_", System.StringComparison.Ordinal);

    /// <summary>
    /// The fields of a spec after its identity (<see cref="Name"/> and <see cref="Kind"/>, from the entry form).
    /// <see cref="DeclaredCounts"/>, <see cref="Ioctl"/>, <see cref="Sysfs"/> and <see cref="Network"/> come from several
    /// fields at once, so the model builder sets them itself.
    /// </summary>
    public static KapiSectionSchema<ApiSpec> Schema { get; } = new KapiSectionSchema<ApiSpec>("spec", "KernelApiSpec", "One KAPI spec (<c>DEFINE_KERNEL_API_SPEC</c>, an ioctl or a sysfs spec) as bound by the Kapi front end: every section the spec language has.")
        .Number("version", nameof(Version), "Spec version", json: "version", doc: "<c>.version</c>: the version of the spec itself.")
        .Text("description", nameof(Description), "Description", json: "description", doc: "<c>KAPI_DESCRIPTION</c>: the one-line description.")
        .Text("long_description", nameof(LongDescription), "Detailed Description", json: "long_description", doc: "<c>KAPI_LONG_DESC</c>: the long description.")
        .Term<KapiContextFlags>("context_flags", nameof(ContextFlags), "Execution Context", json: "context_flags", doc: "<c>KAPI_CONTEXT</c>: an OR of <c>KAPI_CTX_*</c>.")
        .Sections("params", nameof(Params), "Parameters", ParamSpec.Schema, json: "parameters", runtime: "Parameters", doc: "<c>KAPI_PARAM</c> blocks, by index.")
        .Section("return_spec", nameof(Return), "Return Value", ReturnSpec.Schema, json: "return_spec", doc: "<c>KAPI_RETURN</c>.")
        .Sections("errors", nameof(Errors), "Possible Errors", ErrorSpec.Schema, json: "errors", doc: "<c>KAPI_ERROR</c>s, by index.")
        .Sections("signals", nameof(Signals), "Signal Specifications", SignalSpec.Schema, json: "signals", doc: "<c>KAPI_SIGNAL</c> blocks.")
        .Sections("signal_masks", nameof(SignalMasks), "Signal Masks", SignalMaskSpec.Schema, json: "signal_masks", doc: "<c>KAPI_SIGNAL_MASK</c> blocks.")
        .Sections("side_effects", nameof(SideEffects), "Side Effects", SideEffectSpec.Schema, json: "side_effects", doc: "<c>KAPI_SIDE_EFFECT</c> blocks.")
        .Sections("state_transitions", nameof(StateTransitions), "State Transitions", StateTransitionSpec.Schema, json: "state_transitions", doc: "<c>KAPI_STATE_TRANS</c> blocks.")
        .Sections("locks", nameof(Locks), "Locking Requirements", LockSpec.Schema, json: "locks", doc: "<c>KAPI_LOCK</c> blocks.")
        .Sections("capabilities", nameof(Capabilities), "Required Capabilities", CapabilitySpec.Schema, json: "capabilities", doc: "<c>KAPI_CAPABILITY</c> blocks.")
        .Sections("constraints", nameof(Constraints), "Additional Constraints", ConstraintSpec.Schema, json: "constraints", doc: "<c>KAPI_CONSTRAINT</c> blocks.")
        .Sections("struct_specs", nameof(StructSpecs), "Structure Specifications", StructSpec.Schema, json: "struct_specs", doc: "<c>KAPI_STRUCT_SPEC</c> blocks.")
        .Text("examples", nameof(Examples), "Examples", json: "examples", doc: "<c>KAPI_EXAMPLES</c> / <c>.examples</c>.")
        .Text("notes", nameof(Notes), "Notes", json: "notes", doc: "<c>KAPI_NOTES</c> / <c>.notes</c>.")
        .Text("since_version", nameof(SinceVersion), "Available since", json: "since_version", doc: "<c>KAPI_SINCE_VERSION</c> / <c>.since_version</c>.")
        .Flag("deprecated", nameof(Deprecated), "Deprecated", json: "deprecated", doc: "<c>KAPI_DEPRECATED</c>.")
        .Text("replacement", nameof(Replacement), "Replacement", json: "replacement", doc: "<c>KAPI_REPLACEMENT</c>: the API to use instead.")
        .Derived<EquatableArray<DeclaredCount>>(nameof(DeclaredCounts), KapiFieldKind.Sections, "Declared Counts", _ => null, section: DeclaredCount.Schema, doc: "The counts the spec declares (<c>.error_count = 5</c> …), as written.")
        .Derived<IoctlInfo>(nameof(Ioctl), KapiFieldKind.Section, "IOCTL", _ => null, section: IoctlInfo.Schema, doc: "The ioctl part of an ioctl spec.")
        .Derived<SysfsInfo>(nameof(Sysfs), KapiFieldKind.Section, "Sysfs", _ => null, section: SysfsInfo.Schema, doc: "The sysfs part of a sysfs spec.")
        .Derived<NetworkInfo>(nameof(Network), KapiFieldKind.Section, "Network", _ => null, section: NetworkInfo.Schema, doc: "The socket/network sections (RFC v2 specs).");
}

/// <summary>How API names are written: <c>sys_mlockall</c> for the syscall spec, <c>mlockall</c> for the libc function.</summary>
public static class ApiNames
{
    /// <summary>The name without the <c>sys_</c> prefix.</summary>
    public static string Short(string name) => name.StartsWith("sys_", System.StringComparison.Ordinal) ? name.Substring(4) : name;

    /// <summary>True when <paramref name="name"/> names the spec: its full name, or its short name for a syscall (<c>mlockall</c>).</summary>
    public static bool Matches(ApiSpec spec, string name) =>
        string.Equals(spec.Name, name, System.StringComparison.Ordinal) || (spec.IsSyscall && string.Equals(spec.ShortName, name, System.StringComparison.Ordinal));

    /// <summary>For "did you mean": case-insensitive, and <c>sys_mlockall</c> matches <c>mlockall</c>.</summary>
    public static string ForComparison(string name) => Short(name.Trim().ToLowerInvariant());
}

/// <summary>A count the spec declares (<c>.error_count = 5</c>, <c>KAPI_PARAM_COUNT(1)</c>), as written.</summary>
public sealed record DeclaredCount
{
    public string Field { get; init; } = string.Empty;

    public long Value { get; init; }

    public static KapiSectionSchema<DeclaredCount> Schema { get; } = new KapiSectionSchema<DeclaredCount>("declared count", "KapiDeclaredCount", "A count a spec declares (<c>.error_count = 5</c>, <c>KAPI_PARAM_COUNT(1)</c>), as written.")
        .Derived<string>(nameof(Field), KapiFieldKind.Text, "Field", _ => null, doc: "The counted field, for example <c>error_count</c>.")
        .Derived<long>(nameof(Value), KapiFieldKind.Count, "Value", _ => null, doc: "The declared count.");
}
