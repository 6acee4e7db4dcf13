using Kapi.Collections;

namespace Kapi.Model;

/// <summary>
/// A parameter. <see cref="ValidMask"/>, <see cref="MinValue"/>/<see cref="MaxValue"/> and <see cref="EnumValues"/>
/// carry the constraint the kernel checks.
/// Kapi extensions (not upstream): <see cref="RequiredMask"/> (<c>.required_mask</c>: at least one of these bits
/// must be set) and <see cref="EnumMask"/> (<c>.enum_mask</c>: the bits under this mask form an enumerated field
/// whose allowed values are <see cref="EnumValues"/>; the remaining bits are flags checked against
/// <see cref="ValidMask"/>, as in open(2)'s O_ACCMODE).
/// </summary>
public sealed record ParamSpec(
    int Index,
    string? Name,
    string? CTypeName,
    string? Description,
    KapiValue? Type,
    KapiValue? Flags,
    KapiValue? ConstraintType,
    KapiValue? MinValue,
    KapiValue? MaxValue,
    KapiValue? ValidMask,
    EquatableArray<KapiNamedValue> MaskFlags,
    KapiValue? RequiredMask,
    KapiValue? EnumMask,
    EquatableArray<KapiNamedValue> EnumValues,
    long? EnumCount,
    KapiValue? Size,
    KapiValue? Alignment,
    long? SizeParamIndex,
    KapiValue? SizeMultiplier,
    string? ConstraintText,
    string? Validator,
    SysfsParamInfo? Sysfs)
{
    /// <summary>
    /// Kapi extension (<c>.ignores_unknown_bits = true</c> / <c>KAPI_PARAM_IGNORES_UNKNOWN_BITS</c>): the kernel ignores
    /// bits outside <see cref="ValidMask"/> instead of failing with EINVAL (open(2) flags, mmap(2) flags). Such bits are
    /// still outside the spec's contract, but a conformance test must expect success for them.
    /// </summary>
    public bool IgnoresUnknownBits { get; init; }

    /// <summary>The KAPI type name as written (<c>KAPI_TYPE_INT</c>), or null.</summary>
    public string? TypeName => Type?.Expression;

    /// <summary>The constraint kind name as written (<c>KAPI_CONSTRAINT_MASK</c>), or null.</summary>
    public string? ConstraintName => ConstraintType?.Expression;
}

public sealed record SysfsParamInfo(string? Path, KapiValue? Permissions, string? DefaultValue, string? Units, KapiValue? Step, EquatableArray<string> AllowedStrings);

public sealed record ReturnSpec(
    string? CTypeName,
    string? Description,
    KapiValue? Type,
    KapiValue? CheckType,
    KapiValue? SuccessValue,
    KapiValue? SuccessMin,
    KapiValue? SuccessMax,
    EquatableArray<KapiValue> ErrorValues,
    long? ErrorCount,
    string? SuccessPredicate);

/// <summary>An error: <see cref="Code"/> is the negative errno expression (<c>-EINVAL</c>).</summary>
public sealed record ErrorSpec(int Index, KapiValue? Code, string? Name, string? Condition, string? Description);

public sealed record SignalSpec(
    int Index,
    KapiValue? SignalNumber,
    string? SignalName,
    KapiValue? Direction,
    KapiValue? Action,
    string? Target,
    string? Condition,
    string? Description,
    bool Restartable,
    KapiValue? SaFlagsRequired,
    KapiValue? SaFlagsForbidden,
    KapiValue? ErrorOnSignal,
    KapiValue? TransformTo,
    string? Timing,
    KapiValue? Priority,
    bool Interruptible,
    string? QueueBehavior,
    KapiValue? StateRequired,
    KapiValue? StateForbidden);

public sealed record SignalMaskSpec(int Index, string? Name, string? Description, EquatableArray<KapiValue> Signals);

public sealed record SideEffectSpec(int Index, KapiValue? Type, string? Target, string? Condition, string? Description, bool Reversible);

public sealed record StateTransitionSpec(int Index, string? Object, string? FromState, string? ToState, string? Condition, string? Description);

/// <summary>
/// A lock. RFC v1-v5 specs set four booleans; PATCH v1+ a single scope. Both are kept as written; <see cref="Scope"/>
/// is derived when only the booleans are given (acquired only: ACQUIRES, released only: RELEASES, held on entry or
/// exit: CALLER_HELD, otherwise INTERNAL).
/// </summary>
public sealed record LockSpec(
    int Index,
    string? Name,
    KapiValue? LockType,
    bool Acquired,
    bool Released,
    bool HeldOnEntry,
    bool HeldOnExit,
    string? Scope,
    string? Description);

public sealed record CapabilitySpec(
    int Index,
    KapiValue? Capability,
    string? Name,
    KapiValue? Action,
    string? Allows,
    string? WithoutCapability,
    string? Condition,
    KapiValue? Priority,
    EquatableArray<KapiValue> Alternatives);

public sealed record ConstraintSpec(int Index, string? Name, string? Description, string? Expression);

public sealed record StructSpec(
    int Index,
    string? Name,
    string? Description,
    KapiValue? Size,
    KapiValue? Alignment,
    EquatableArray<StructFieldSpec> Fields);

public sealed record StructFieldSpec(
    int Index,
    string? Name,
    KapiValue? Type,
    string? CTypeName,
    string? Description,
    KapiValue? Offset,
    KapiValue? Size,
    KapiValue? Flags,
    KapiValue? ConstraintType,
    KapiValue? MinValue,
    KapiValue? MaxValue,
    KapiValue? ValidMask,
    EquatableArray<KapiNamedValue> EnumValues);
