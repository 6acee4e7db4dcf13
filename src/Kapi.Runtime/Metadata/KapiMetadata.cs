// Spec-metadata object graph: what the generated KernelApiSpecs registry returns. Mirrors Kapi.Model.
// Each type is immutable (init-only properties, set by generated object initializers).
using System.Collections.Generic;

namespace Kapi.Runtime.Metadata;

/// <summary>One KAPI spec (<c>DEFINE_KERNEL_API_SPEC</c>, an ioctl or a sysfs spec) as bound by the Kapi front end: every section the spec language has.</summary>
public sealed partial class KernelApiSpec
{
    /// <summary>The spec name, for example <c>sys_mlockall</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Function (syscall or kernel function), ioctl or sysfs attribute.</summary>
    public KernelApiKind Kind { get; init; }

    /// <summary><c>KAPI_DESCRIPTION</c>: the one-line description.</summary>
    public string? Description { get; init; }

    /// <summary><c>KAPI_LONG_DESC</c>: the long description.</summary>
    public string? LongDescription { get; init; }

    /// <summary><c>KAPI_CONTEXT</c>: an OR of <c>KAPI_CTX_*</c>.</summary>
    public KapiConstant? ContextFlags { get; init; }

    /// <summary><c>KAPI_PARAM</c> blocks, by index.</summary>
    public IReadOnlyList<KapiParameterInfo> Parameters { get; init; } = System.Array.Empty<KapiParameterInfo>();

    /// <summary><c>KAPI_RETURN</c>.</summary>
    public KapiReturnInfo? Return { get; init; }

    /// <summary><c>KAPI_ERROR</c>s, by index.</summary>
    public IReadOnlyList<KapiErrorInfo> Errors { get; init; } = System.Array.Empty<KapiErrorInfo>();

    /// <summary><c>KAPI_SIGNAL</c> blocks.</summary>
    public IReadOnlyList<KapiSignalInfo> Signals { get; init; } = System.Array.Empty<KapiSignalInfo>();

    /// <summary><c>KAPI_SIGNAL_MASK</c> blocks.</summary>
    public IReadOnlyList<KapiSignalMaskInfo> SignalMasks { get; init; } = System.Array.Empty<KapiSignalMaskInfo>();

    /// <summary><c>KAPI_SIDE_EFFECT</c> blocks.</summary>
    public IReadOnlyList<KapiSideEffectInfo> SideEffects { get; init; } = System.Array.Empty<KapiSideEffectInfo>();

    /// <summary><c>KAPI_STATE_TRANS</c> blocks.</summary>
    public IReadOnlyList<KapiStateTransitionInfo> StateTransitions { get; init; } = System.Array.Empty<KapiStateTransitionInfo>();

    /// <summary><c>KAPI_LOCK</c> blocks.</summary>
    public IReadOnlyList<KapiLockInfo> Locks { get; init; } = System.Array.Empty<KapiLockInfo>();

    /// <summary><c>KAPI_CAPABILITY</c> blocks.</summary>
    public IReadOnlyList<KapiCapabilityInfo> Capabilities { get; init; } = System.Array.Empty<KapiCapabilityInfo>();

    /// <summary><c>KAPI_CONSTRAINT</c> blocks.</summary>
    public IReadOnlyList<KapiConstraintInfo> Constraints { get; init; } = System.Array.Empty<KapiConstraintInfo>();

    /// <summary><c>KAPI_STRUCT_SPEC</c> blocks.</summary>
    public IReadOnlyList<KapiStructInfo> StructSpecs { get; init; } = System.Array.Empty<KapiStructInfo>();

    /// <summary><c>KAPI_EXAMPLES</c> / <c>.examples</c>.</summary>
    public string? Examples { get; init; }

    /// <summary><c>KAPI_NOTES</c> / <c>.notes</c>.</summary>
    public string? Notes { get; init; }

    /// <summary><c>KAPI_SINCE_VERSION</c> / <c>.since_version</c>.</summary>
    public string? SinceVersion { get; init; }

    /// <summary><c>KAPI_DEPRECATED</c>.</summary>
    public bool Deprecated { get; init; }

    /// <summary><c>KAPI_REPLACEMENT</c>: the API to use instead.</summary>
    public string? Replacement { get; init; }

    /// <summary>The counts the spec declares (<c>.error_count = 5</c> …), as written.</summary>
    public IReadOnlyList<KapiDeclaredCount> DeclaredCounts { get; init; } = System.Array.Empty<KapiDeclaredCount>();

    /// <summary>The ioctl part of an ioctl spec.</summary>
    public KapiIoctlInfo? Ioctl { get; init; }

    /// <summary>The sysfs part of a sysfs spec.</summary>
    public KapiSysfsInfo? Sysfs { get; init; }

    /// <summary>The socket/network sections (RFC v2 specs).</summary>
    public KapiNetworkInfo? Network { get; init; }

    /// <summary>The file name of the <c>.kapi</c> file that defined the spec.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The generated wrapper method (<c>Class.Method</c>), or null when no binding was generated (ioctl and sysfs specs, kernel functions, parameters that have no C# mapping).</summary>
    public string? BindingMethod { get; init; }
}

/// <summary>A <c>KAPI_PARAM</c> block.</summary>
public sealed partial class KapiParameterInfo
{
    /// <summary>The parameter index (0-based).</summary>
    public int Index { get; init; }

    /// <summary>The parameter name.</summary>
    public string? Name { get; init; }

    /// <summary>The C type as written.</summary>
    public string? CTypeName { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary><c>.type</c>: a <c>KAPI_TYPE_*</c>.</summary>
    public KapiConstant? Type { get; init; }

    /// <summary><c>KAPI_PARAM_FLAGS</c>: an OR of <c>KAPI_PARAM_*</c>.</summary>
    public KapiConstant? Flags { get; init; }

    /// <summary><c>.constraint_type</c>: a <c>KAPI_CONSTRAINT_*</c>.</summary>
    public KapiConstant? ConstraintType { get; init; }

    /// <summary>What <see cref="Type"/> means, or null when the spec gives no KAPI type.</summary>
    public KapiParamType? ParamType => Type?.PortableValue is long v ? (KapiParamType)v : null;

    /// <summary>What <see cref="Flags"/> means (<see cref="KapiParamFlags.None"/> when the spec gives none).</summary>
    public KapiParamFlags ParamFlags => Flags?.PortableValue is long v ? (KapiParamFlags)v : KapiParamFlags.None;

    /// <summary>What <see cref="ConstraintType"/> means, or null when the spec gives no constraint kind.</summary>
    public KapiConstraintKind? ConstraintKind => ConstraintType?.PortableValue is long v ? (KapiConstraintKind)v : null;

    /// <summary><c>.min_value</c>.</summary>
    public KapiConstant? MinValue { get; init; }

    /// <summary><c>.max_value</c>.</summary>
    public KapiConstant? MaxValue { get; init; }

    /// <summary><c>.valid_mask</c>.</summary>
    public KapiConstant? ValidMask { get; init; }

    /// <summary>The named flags that make up <see cref="ValidMask"/>.</summary>
    public IReadOnlyList<KapiNamedConstant> MaskFlags { get; init; } = System.Array.Empty<KapiNamedConstant>();

    /// <summary><c>.required_mask</c> (Kapi extension): at least one of these bits must be set.</summary>
    public KapiConstant? RequiredMask { get; init; }

    /// <summary><c>.enum_mask</c> (Kapi extension): the bits that form an enumerated field.</summary>
    public KapiConstant? EnumMask { get; init; }

    /// <summary>
    /// Kapi extension: the kernel ignores bits outside <see cref="ValidMask"/> instead of failing with EINVAL
    /// (open(2) flags, mmap(2) flags).
    /// </summary>
    public bool IgnoresUnknownBits { get; init; }

    /// <summary><c>.enum_values</c>: the allowed values.</summary>
    public IReadOnlyList<KapiNamedConstant> EnumValues { get; init; } = System.Array.Empty<KapiNamedConstant>();

    /// <summary><c>.enum_count</c>.</summary>
    public long? EnumCount { get; init; }

    /// <summary><c>.size</c>.</summary>
    public KapiConstant? Size { get; init; }

    /// <summary><c>.alignment</c>.</summary>
    public KapiConstant? Alignment { get; init; }

    /// <summary><c>.size_param_idx</c>.</summary>
    public long? SizeParamIndex { get; init; }

    /// <summary><c>.size_multiplier</c>.</summary>
    public KapiConstant? SizeMultiplier { get; init; }

    /// <summary><c>.constraints</c>: the constraint in words.</summary>
    public string? ConstraintText { get; init; }

    /// <summary><c>.validate</c>: the name of the custom validator.</summary>
    public string? Validator { get; init; }

    /// <summary>The sysfs attributes of a sysfs parameter.</summary>
    public KapiSysfsParameterInfo? Sysfs { get; init; }
}

/// <summary>The sysfs part of a parameter (RFC v2 sysfs specs).</summary>
public sealed partial class KapiSysfsParameterInfo
{
    /// <summary><c>KAPI_PATH</c>.</summary>
    public string? Path { get; init; }

    /// <summary><c>KAPI_PERMISSIONS</c>.</summary>
    public KapiConstant? Permissions { get; init; }

    /// <summary><c>KAPI_DEFAULT</c>.</summary>
    public string? DefaultValue { get; init; }

    /// <summary><c>KAPI_UNITS</c>.</summary>
    public string? Units { get; init; }

    /// <summary><c>KAPI_STEP</c>.</summary>
    public KapiConstant? Step { get; init; }

    /// <summary><c>KAPI_ALLOWED_STRINGS</c>.</summary>
    public IReadOnlyList<string> AllowedStrings { get; init; } = System.Array.Empty<string>();
}

/// <summary>The <c>KAPI_RETURN</c> block.</summary>
public sealed partial class KapiReturnInfo
{
    /// <summary>The C type as written.</summary>
    public string? CTypeName { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary><c>.type</c>.</summary>
    public KapiConstant? Type { get; init; }

    /// <summary><c>.check_type</c>: a <c>KAPI_RETURN_*</c>.</summary>
    public KapiConstant? CheckType { get; init; }

    /// <summary><c>.success_value</c>.</summary>
    public KapiConstant? SuccessValue { get; init; }

    /// <summary><c>.success_min</c>.</summary>
    public KapiConstant? SuccessMin { get; init; }

    /// <summary><c>.success_max</c>.</summary>
    public KapiConstant? SuccessMax { get; init; }

    /// <summary><c>.error_values</c>.</summary>
    public IReadOnlyList<KapiConstant> ErrorValues { get; init; } = System.Array.Empty<KapiConstant>();

    /// <summary><c>.error_count</c> of the return block.</summary>
    public long? ErrorCount { get; init; }

    /// <summary><c>.is_success</c>: the name of the custom predicate.</summary>
    public string? SuccessPredicate { get; init; }
}

/// <summary>A <c>KAPI_ERROR</c>.</summary>
public sealed partial class KapiErrorInfo
{
    /// <summary>The error index.</summary>
    public int Index { get; init; }

    /// <summary>The code as written (a negated errno, <c>-EINVAL</c>).</summary>
    public KapiConstant? Code { get; init; }

    /// <summary>The errno name, for example <c>EINVAL</c>.</summary>
    public string? Name { get; init; }

    /// <summary>When the error happens (short).</summary>
    public string? Condition { get; init; }

    /// <summary>The description (long).</summary>
    public string? Description { get; init; }
}

/// <summary>A <c>KAPI_SIGNAL</c> block.</summary>
public sealed partial class KapiSignalInfo
{
    /// <summary>The signal index.</summary>
    public int Index { get; init; }

    /// <summary>The signal number (0 for a class of signals).</summary>
    public KapiConstant? SignalNumber { get; init; }

    /// <summary>The signal name.</summary>
    public string? SignalName { get; init; }

    /// <summary>An OR of <c>KAPI_SIGNAL_RECEIVE/SEND/…</c>.</summary>
    public KapiConstant? Direction { get; init; }

    /// <summary>A <c>KAPI_SIGNAL_ACTION_*</c>.</summary>
    public KapiConstant? Action { get; init; }

    /// <summary><c>KAPI_SIGNAL_TARGET</c>.</summary>
    public string? Target { get; init; }

    /// <summary><c>KAPI_SIGNAL_CONDITION</c>.</summary>
    public string? Condition { get; init; }

    /// <summary><c>KAPI_SIGNAL_DESC</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>KAPI_SIGNAL_RESTARTABLE</c>.</summary>
    public bool Restartable { get; init; }

    /// <summary><c>KAPI_SIGNAL_SA_FLAGS_REQ</c>.</summary>
    public KapiConstant? SaFlagsRequired { get; init; }

    /// <summary><c>KAPI_SIGNAL_SA_FLAGS_FORBID</c>.</summary>
    public KapiConstant? SaFlagsForbidden { get; init; }

    /// <summary><c>KAPI_SIGNAL_ERROR</c>.</summary>
    public KapiConstant? ErrorOnSignal { get; init; }

    /// <summary><c>KAPI_SIGNAL_TRANSFORM</c>.</summary>
    public KapiConstant? TransformTo { get; init; }

    /// <summary><c>KAPI_SIGNAL_TIMING</c>.</summary>
    public string? Timing { get; init; }

    /// <summary><c>KAPI_SIGNAL_PRIORITY</c>.</summary>
    public KapiConstant? Priority { get; init; }

    /// <summary><c>KAPI_SIGNAL_INTERRUPTIBLE</c>.</summary>
    public bool Interruptible { get; init; }

    /// <summary><c>KAPI_SIGNAL_QUEUE</c>.</summary>
    public string? QueueBehavior { get; init; }

    /// <summary><c>KAPI_SIGNAL_STATE_REQ</c>.</summary>
    public KapiConstant? StateRequired { get; init; }

    /// <summary><c>KAPI_SIGNAL_STATE_FORBID</c>.</summary>
    public KapiConstant? StateForbidden { get; init; }
}

/// <summary>A <c>KAPI_SIGNAL_MASK</c> block.</summary>
public sealed partial class KapiSignalMaskInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The mask name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The signals in the mask.</summary>
    public IReadOnlyList<KapiConstant> Signals { get; init; } = System.Array.Empty<KapiConstant>();
}

/// <summary>A <c>KAPI_SIDE_EFFECT</c> block.</summary>
public sealed partial class KapiSideEffectInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>An OR of <c>KAPI_EFFECT_*</c>.</summary>
    public KapiConstant? Type { get; init; }

    /// <summary>What is affected.</summary>
    public string? Target { get; init; }

    /// <summary><c>KAPI_EFFECT_CONDITION</c>.</summary>
    public string? Condition { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary><c>KAPI_EFFECT_REVERSIBLE</c>.</summary>
    public bool Reversible { get; init; }
}

/// <summary>A <c>KAPI_STATE_TRANS</c> block.</summary>
public sealed partial class KapiStateTransitionInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The object whose state changes.</summary>
    public string? Object { get; init; }

    /// <summary>The state before.</summary>
    public string? FromState { get; init; }

    /// <summary>The state after.</summary>
    public string? ToState { get; init; }

    /// <summary><c>KAPI_STATE_TRANS_COND</c>.</summary>
    public string? Condition { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }
}

/// <summary>A <c>KAPI_LOCK</c> block.</summary>
public sealed partial class KapiLockInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The lock name.</summary>
    public string? Name { get; init; }

    /// <summary>A <c>KAPI_LOCK_*</c> type.</summary>
    public KapiConstant? LockType { get; init; }

    /// <summary><c>KAPI_LOCK_ACQUIRED</c>.</summary>
    public bool Acquired { get; init; }

    /// <summary><c>KAPI_LOCK_RELEASED</c>.</summary>
    public bool Released { get; init; }

    /// <summary><c>KAPI_LOCK_HELD_ENTRY</c>.</summary>
    public bool HeldOnEntry { get; init; }

    /// <summary><c>KAPI_LOCK_HELD_EXIT</c>.</summary>
    public bool HeldOnExit { get; init; }

    /// <summary>The lock scope (INTERNAL, ACQUIRES, RELEASES, CALLER_HELD).</summary>
    public string? Scope { get; init; }

    /// <summary><c>KAPI_LOCK_DESC</c>.</summary>
    public string? Description { get; init; }
}

/// <summary>A <c>KAPI_CAPABILITY</c> block.</summary>
public sealed partial class KapiCapabilityInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The capability number (<c>CAP_*</c>).</summary>
    public KapiConstant? Capability { get; init; }

    /// <summary>The capability name.</summary>
    public string? Name { get; init; }

    /// <summary>A <c>KAPI_CAP_*</c> action.</summary>
    public KapiConstant? Action { get; init; }

    /// <summary><c>KAPI_CAP_ALLOWS</c>.</summary>
    public string? Allows { get; init; }

    /// <summary><c>KAPI_CAP_WITHOUT</c>.</summary>
    public string? WithoutCapability { get; init; }

    /// <summary><c>KAPI_CAP_CONDITION</c>.</summary>
    public string? Condition { get; init; }

    /// <summary><c>KAPI_CAP_PRIORITY</c>.</summary>
    public KapiConstant? Priority { get; init; }

    /// <summary><c>KAPI_CAP_ALTERNATIVE</c>.</summary>
    public IReadOnlyList<KapiConstant> Alternatives { get; init; } = System.Array.Empty<KapiConstant>();
}

/// <summary>A <c>KAPI_CONSTRAINT</c> block.</summary>
public sealed partial class KapiConstraintInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The constraint name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary><c>KAPI_CONSTRAINT_EXPR</c>: free text.</summary>
    public string? Expression { get; init; }
}

/// <summary>A <c>KAPI_STRUCT_SPEC</c> block.</summary>
public sealed partial class KapiStructInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The struct tag.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The size in bytes.</summary>
    public KapiConstant? Size { get; init; }

    /// <summary>The alignment in bytes.</summary>
    public KapiConstant? Alignment { get; init; }

    /// <summary>The fields.</summary>
    public IReadOnlyList<KapiStructFieldInfo> Fields { get; init; } = System.Array.Empty<KapiStructFieldInfo>();
}

/// <summary>A <c>KAPI_STRUCT_FIELD</c> block.</summary>
public sealed partial class KapiStructFieldInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The field name.</summary>
    public string? Name { get; init; }

    /// <summary>A <c>KAPI_TYPE_*</c>.</summary>
    public KapiConstant? Type { get; init; }

    /// <summary>The C type as written.</summary>
    public string? CTypeName { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The offset in bytes.</summary>
    public KapiConstant? Offset { get; init; }

    /// <summary>The size in bytes.</summary>
    public KapiConstant? Size { get; init; }

    /// <summary>An OR of <c>KAPI_PARAM_*</c>.</summary>
    public KapiConstant? Flags { get; init; }

    /// <summary>A <c>KAPI_CONSTRAINT_*</c>.</summary>
    public KapiConstant? ConstraintType { get; init; }

    /// <summary>The minimum.</summary>
    public KapiConstant? MinValue { get; init; }

    /// <summary>The maximum.</summary>
    public KapiConstant? MaxValue { get; init; }

    /// <summary>The valid bits.</summary>
    public KapiConstant? ValidMask { get; init; }

    /// <summary>The allowed values.</summary>
    public IReadOnlyList<KapiNamedConstant> EnumValues { get; init; } = System.Array.Empty<KapiNamedConstant>();
}

/// <summary>A count a spec declares (<c>.error_count = 5</c>, <c>KAPI_PARAM_COUNT(1)</c>), as written.</summary>
public sealed partial class KapiDeclaredCount
{
    /// <summary>The counted field, for example <c>error_count</c>.</summary>
    public string Field { get; init; } = "";

    /// <summary>The declared count.</summary>
    public long Value { get; init; }
}

/// <summary>The ioctl part of an ioctl spec.</summary>
public sealed partial class KapiIoctlInfo
{
    /// <summary>The ioctl command number.</summary>
    public KapiConstant? Command { get; init; }

    /// <summary>The command name, for example <c>BINDER_WRITE_READ</c>.</summary>
    public string? CommandName { get; init; }

    /// <summary>The input size in bytes.</summary>
    public KapiConstant? InputSize { get; init; }

    /// <summary>The output size in bytes.</summary>
    public KapiConstant? OutputSize { get; init; }

    /// <summary>The <c>file_operations</c> the ioctl belongs to.</summary>
    public string? FileOpsName { get; init; }
}

/// <summary>The sysfs part of a sysfs spec.</summary>
public sealed partial class KapiSysfsInfo
{
    /// <summary><c>KAPI_SUBSYSTEM</c>.</summary>
    public string? Subsystem { get; init; }

    /// <summary><c>KAPI_DEVICE_TYPE</c>.</summary>
    public string? DeviceType { get; init; }
}

/// <summary>The socket and network sections of a spec (RFC v2).</summary>
public sealed partial class KapiNetworkInfo
{
    /// <summary><c>KAPI_SOCKET_STATE_REQ</c> block.</summary>
    public KapiSocketStateInfo? SocketState { get; init; }

    /// <summary><c>KAPI_PROTOCOL_BEHAVIOR</c> blocks.</summary>
    public IReadOnlyList<KapiProtocolBehaviorInfo> ProtocolBehaviors { get; init; } = System.Array.Empty<KapiProtocolBehaviorInfo>();

    /// <summary><c>KAPI_BUFFER_SPEC</c> block.</summary>
    public KapiBufferInfo? Buffer { get; init; }

    /// <summary><c>KAPI_ASYNC_SPEC</c> block.</summary>
    public KapiAsyncInfo? Async { get; init; }

    /// <summary><c>KAPI_ADDR_FAMILY</c> blocks.</summary>
    public IReadOnlyList<KapiAddressFamilyInfo> AddressFamilies { get; init; } = System.Array.Empty<KapiAddressFamilyInfo>();

    /// <summary><c>KAPI_NET_CONNECTION_ORIENTED</c>.</summary>
    public bool IsConnectionOriented { get; init; }

    /// <summary><c>KAPI_NET_MESSAGE_ORIENTED</c>.</summary>
    public bool IsMessageOriented { get; init; }

    /// <summary><c>KAPI_NET_SUPPORTS_OOB</c>.</summary>
    public bool SupportsOobData { get; init; }

    /// <summary><c>KAPI_NET_SUPPORTS_PEEK</c>.</summary>
    public bool SupportsPeek { get; init; }

    /// <summary><c>.supports_select_poll</c>.</summary>
    public bool SupportsSelectPoll { get; init; }

    /// <summary><c>KAPI_NET_REENTRANT</c>.</summary>
    public bool IsReentrant { get; init; }

    /// <summary><c>KAPI_NET_CONN_ESTABLISH</c>.</summary>
    public string? ConnectionEstablishment { get; init; }

    /// <summary><c>KAPI_NET_CONN_TERMINATE</c>.</summary>
    public string? ConnectionTermination { get; init; }

    /// <summary><c>KAPI_NET_DATA_TRANSFER</c>.</summary>
    public string? DataTransferSemantics { get; init; }
}

/// <summary>A <c>KAPI_SOCKET_STATE_REQ</c> block.</summary>
public sealed partial class KapiSocketStateInfo
{
    /// <summary>The required socket states.</summary>
    public IReadOnlyList<KapiConstant> RequiredStates { get; init; } = System.Array.Empty<KapiConstant>();

    /// <summary>The forbidden socket states.</summary>
    public IReadOnlyList<KapiConstant> ForbiddenStates { get; init; } = System.Array.Empty<KapiConstant>();

    /// <summary>The state after the call.</summary>
    public KapiConstant? ResultingState { get; init; }

    /// <summary>The condition.</summary>
    public string? Condition { get; init; }

    /// <summary>An OR of <c>KAPI_PROTO_*</c>.</summary>
    public KapiConstant? ApplicableProtocols { get; init; }
}

/// <summary>A <c>KAPI_PROTOCOL_BEHAVIOR</c> block.</summary>
public sealed partial class KapiProtocolBehaviorInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>An OR of <c>KAPI_PROTO_*</c>.</summary>
    public KapiConstant? ApplicableProtocols { get; init; }

    /// <summary>The behaviour.</summary>
    public string? Behavior { get; init; }

    /// <summary><c>KAPI_PROTOCOL_FLAGS</c> flags.</summary>
    public KapiConstant? ProtocolFlags { get; init; }

    /// <summary><c>KAPI_PROTOCOL_FLAGS</c> description.</summary>
    public string? FlagDescription { get; init; }
}

/// <summary>A <c>KAPI_BUFFER_SPEC</c> block.</summary>
public sealed partial class KapiBufferInfo
{
    /// <summary>An OR of <c>KAPI_BUF_*</c>.</summary>
    public KapiConstant? Behaviors { get; init; }

    /// <summary>The minimum size.</summary>
    public KapiConstant? MinSize { get; init; }

    /// <summary>The maximum size.</summary>
    public KapiConstant? MaxSize { get; init; }

    /// <summary>The optimal size.</summary>
    public KapiConstant? OptimalSize { get; init; }

    /// <summary>Whether partial transfers happen.</summary>
    public bool CanPartialTransfer { get; init; }

    /// <summary>The partial-transfer rules.</summary>
    public string? PartialTransferRules { get; init; }

    /// <summary>The fragmentation rules.</summary>
    public string? FragmentationRules { get; init; }
}

/// <summary>A <c>KAPI_ASYNC_SPEC</c> block.</summary>
public sealed partial class KapiAsyncInfo
{
    /// <summary>An OR of <c>KAPI_ASYNC_*</c>.</summary>
    public KapiConstant? SupportedModes { get; init; }

    /// <summary>The errno in non-blocking mode.</summary>
    public KapiConstant? NonblockErrno { get; init; }

    /// <summary>Poll events for input.</summary>
    public KapiConstant? PollEventsIn { get; init; }

    /// <summary>Poll events for output.</summary>
    public KapiConstant? PollEventsOut { get; init; }

    /// <summary>The completion condition.</summary>
    public string? CompletionCondition { get; init; }

    /// <summary>Whether a timeout is supported.</summary>
    public bool SupportsTimeout { get; init; }

    /// <summary>The timeout behaviour.</summary>
    public string? TimeoutBehavior { get; init; }
}

/// <summary>A <c>KAPI_ADDR_FAMILY</c> block.</summary>
public sealed partial class KapiAddressFamilyInfo
{
    /// <summary>The index.</summary>
    public int Index { get; init; }

    /// <summary>The address family (<c>AF_*</c>).</summary>
    public KapiConstant? Family { get; init; }

    /// <summary>The family name.</summary>
    public string? FamilyName { get; init; }

    /// <summary>The size of the address struct.</summary>
    public KapiConstant? AddressStructSize { get; init; }

    /// <summary>The minimum address length.</summary>
    public KapiConstant? MinAddressLength { get; init; }

    /// <summary>The maximum address length.</summary>
    public KapiConstant? MaxAddressLength { get; init; }

    /// <summary><c>KAPI_ADDR_FORMAT</c>.</summary>
    public string? AddressFormat { get; init; }

    /// <summary>Wildcard addresses are supported.</summary>
    public bool SupportsWildcard { get; init; }

    /// <summary>Multicast is supported.</summary>
    public bool SupportsMulticast { get; init; }

    /// <summary>Broadcast is supported.</summary>
    public bool SupportsBroadcast { get; init; }

    /// <summary><c>KAPI_ADDR_SPECIAL</c>.</summary>
    public string? SpecialAddresses { get; init; }

    /// <summary>The lowest port.</summary>
    public KapiConstant? PortRangeMin { get; init; }

    /// <summary>The highest port.</summary>
    public KapiConstant? PortRangeMax { get; init; }
}
