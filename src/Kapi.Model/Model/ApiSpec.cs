using Kapi.Collections;

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
/// spec file yields an equal model). Every section of the KAPI vocabulary has a place here.
/// </summary>
public sealed record ApiSpec(
    string Name,
    ApiKind Kind,
    string? Description,
    string? LongDescription,
    KapiValue? ContextFlags,
    EquatableArray<ParamSpec> Params,
    ReturnSpec? Return,
    EquatableArray<ErrorSpec> Errors,
    EquatableArray<SignalSpec> Signals,
    EquatableArray<SignalMaskSpec> SignalMasks,
    EquatableArray<SideEffectSpec> SideEffects,
    EquatableArray<StateTransitionSpec> StateTransitions,
    EquatableArray<LockSpec> Locks,
    EquatableArray<CapabilitySpec> Capabilities,
    EquatableArray<ConstraintSpec> Constraints,
    EquatableArray<StructSpec> StructSpecs,
    string? Examples,
    string? Notes,
    string? SinceVersion,
    bool Deprecated,
    string? Replacement,
    EquatableArray<DeclaredCount> DeclaredCounts,
    IoctlInfo? Ioctl,
    SysfsInfo? Sysfs,
    NetworkInfo? Network)
{
    /// <summary>The name without the <c>sys_</c> prefix: the libc function for syscalls (<c>sys_mlockall</c> → <c>mlockall</c>).</summary>
    public string ShortName => Name.StartsWith("sys_", System.StringComparison.Ordinal) ? Name.Substring(4) : Name;

    public bool IsSyscall => Kind == ApiKind.Function && Name.StartsWith("sys_", System.StringComparison.Ordinal);
}

/// <summary>A count the spec declares (<c>.error_count = 5</c>, <c>KAPI_PARAM_COUNT(1)</c>), as written.</summary>
public sealed record DeclaredCount(string Field, long Value);

public sealed record IoctlInfo(KapiValue? Command, string? CommandName, KapiValue? InputSize, KapiValue? OutputSize, string? FileOpsName);

public sealed record SysfsInfo(string? Subsystem, string? DeviceType);

public sealed record NetworkInfo(
    SocketStateSpec? SocketState,
    EquatableArray<ProtocolBehaviorSpec> ProtocolBehaviors,
    BufferSpec? Buffer,
    AsyncSpec? Async,
    EquatableArray<AddressFamilySpec> AddressFamilies,
    bool IsConnectionOriented,
    bool IsMessageOriented,
    bool SupportsOobData,
    bool SupportsPeek,
    bool SupportsSelectPoll,
    bool IsReentrant,
    string? ConnectionEstablishment,
    string? ConnectionTermination,
    string? DataTransferSemantics);

public sealed record SocketStateSpec(EquatableArray<KapiValue> RequiredStates, EquatableArray<KapiValue> ForbiddenStates, KapiValue? ResultingState, string? Condition, KapiValue? ApplicableProtocols);

public sealed record ProtocolBehaviorSpec(int Index, KapiValue? ApplicableProtocols, string? Behavior, KapiValue? ProtocolFlags, string? FlagDescription);

public sealed record BufferSpec(KapiValue? Behaviors, KapiValue? MinSize, KapiValue? MaxSize, KapiValue? OptimalSize, bool CanPartialTransfer, string? PartialTransferRules, string? FragmentationRules);

public sealed record AsyncSpec(KapiValue? SupportedModes, KapiValue? NonblockErrno, KapiValue? PollEventsIn, KapiValue? PollEventsOut, string? CompletionCondition, bool SupportsTimeout, string? TimeoutBehavior);

public sealed record AddressFamilySpec(int Index, KapiValue? Family, string? FamilyName, KapiValue? AddressStructSize, KapiValue? MinAddressLength, KapiValue? MaxAddressLength, string? AddressFormat, bool SupportsWildcard, bool SupportsMulticast, bool SupportsBroadcast, string? SpecialAddresses, KapiValue? PortRangeMin, KapiValue? PortRangeMax);
