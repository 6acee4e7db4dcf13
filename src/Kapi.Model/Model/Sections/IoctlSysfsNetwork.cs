using Kapi.Collections;
using Kapi.Model.Schema;

namespace Kapi.Model;

/// <summary>The ioctl part of an ioctl spec.</summary>
public sealed record IoctlInfo
{
    public KapiValue? Command { get; init; }

    public string? CommandName { get; init; }

    public KapiValue? InputSize { get; init; }

    public KapiValue? OutputSize { get; init; }

    public string? FileOpsName { get; init; }

    public static KapiSectionSchema<IoctlInfo> Schema { get; } = new KapiSectionSchema<IoctlInfo>("ioctl", "KapiIoctlInfo")
        .Number("cmd", nameof(Command), "Command", json: "cmd", jsonOptions: KapiJsonOptions.Unsigned)
        .Text("cmd_name", nameof(CommandName), "Command name", json: "cmd_name")
        .Number("input_size", nameof(InputSize), "Input size", json: "input_size")
        .Number("output_size", nameof(OutputSize), "Output size", json: "output_size")
        .Text("file_ops_name", nameof(FileOpsName), "File operations", json: "file_ops_name");
}

/// <summary>The sysfs part of a sysfs spec.</summary>
public sealed record SysfsInfo
{
    public string? Subsystem { get; init; }

    public string? DeviceType { get; init; }

    public static KapiSectionSchema<SysfsInfo> Schema { get; } = new KapiSectionSchema<SysfsInfo>("sysfs", "KapiSysfsInfo")
        .Text("subsystem", nameof(Subsystem), "Subsystem", json: "subsystem")
        .Text("device_type", nameof(DeviceType), "Device type", json: "device_type");
}

/// <summary>The socket and network sections (RFC v2 specs).</summary>
public sealed record NetworkInfo
{
    public SocketStateSpec? SocketState { get; init; }

    public EquatableArray<ProtocolBehaviorSpec> ProtocolBehaviors { get; init; } = EquatableArray<ProtocolBehaviorSpec>.Empty;

    public BufferSpec? Buffer { get; init; }

    public AsyncSpec? Async { get; init; }

    public EquatableArray<AddressFamilySpec> AddressFamilies { get; init; } = EquatableArray<AddressFamilySpec>.Empty;

    public bool IsConnectionOriented { get; init; }

    public bool IsMessageOriented { get; init; }

    public bool SupportsOobData { get; init; }

    public bool SupportsPeek { get; init; }

    public bool SupportsSelectPoll { get; init; }

    public bool IsReentrant { get; init; }

    public string? ConnectionEstablishment { get; init; }

    public string? ConnectionTermination { get; init; }

    public string? DataTransferSemantics { get; init; }

    public static KapiSectionSchema<NetworkInfo> Schema { get; } = new KapiSectionSchema<NetworkInfo>("network", "KapiNetworkInfo")
        .Section("socket_state", nameof(SocketState), "Socket State Requirements", SocketStateSpec.Schema, json: "socket_state")
        .Sections("protocol_behaviors", nameof(ProtocolBehaviors), "Protocol Behaviors", ProtocolBehaviorSpec.Schema, json: "protocol_behaviors")
        .Section("buffer_spec", nameof(Buffer), "Buffer Specification", BufferSpec.Schema, json: "buffer_spec")
        .Section("async_spec", nameof(Async), "Asynchronous Operation", AsyncSpec.Schema, json: "async_spec")
        .Sections("addr_families", nameof(AddressFamilies), "Supported Address Families", AddressFamilySpec.Schema, json: "addr_families")
        .Flag("is_connection_oriented", nameof(IsConnectionOriented), "Connection-oriented", json: "is_connection_oriented")
        .Flag("is_message_oriented", nameof(IsMessageOriented), "Message-oriented", json: "is_message_oriented")
        .Flag("supports_oob_data", nameof(SupportsOobData), "Out-of-band data", json: "supports_oob_data")
        .Flag("supports_peek", nameof(SupportsPeek), "Peek", json: "supports_peek")
        .Flag("supports_select_poll", nameof(SupportsSelectPoll), "select/poll", json: "supports_select_poll")
        .Flag("is_reentrant", nameof(IsReentrant), "Reentrant", json: "is_reentrant")
        .Text("connection_establishment", nameof(ConnectionEstablishment), "Connection establishment", json: "connection_establishment")
        .Text("connection_termination", nameof(ConnectionTermination), "Connection termination", json: "connection_termination")
        .Text("data_transfer_semantics", nameof(DataTransferSemantics), "Network Data Transfer", json: "net_data_transfer");
}

public sealed record SocketStateSpec
{
    public EquatableArray<KapiValue> RequiredStates { get; init; } = EquatableArray<KapiValue>.Empty;

    public EquatableArray<KapiValue> ForbiddenStates { get; init; } = EquatableArray<KapiValue>.Empty;

    public KapiValue? ResultingState { get; init; }

    public string? Condition { get; init; }

    public KapiValue? ApplicableProtocols { get; init; }

    public static KapiSectionSchema<SocketStateSpec> Schema { get; } = new KapiSectionSchema<SocketStateSpec>("socket state", "KapiSocketStateInfo")
        .Numbers("required_states", nameof(RequiredStates), "Required states", json: "required_states")
        .Numbers("forbidden_states", nameof(ForbiddenStates), "Forbidden states", json: "forbidden_states")
        .Number("resulting_state", nameof(ResultingState), "Resulting state", json: "resulting_state")
        .Text("state_condition", nameof(Condition), "Condition", json: "condition")
        .Number("applicable_protocols", nameof(ApplicableProtocols), "Applicable protocols", json: "applicable_protocols");
}

public sealed record ProtocolBehaviorSpec
{
    public int Index { get; init; }

    public KapiValue? ApplicableProtocols { get; init; }

    public string? Behavior { get; init; }

    public KapiValue? ProtocolFlags { get; init; }

    public string? FlagDescription { get; init; }

    public static KapiSectionSchema<ProtocolBehaviorSpec> Schema { get; } = new KapiSectionSchema<ProtocolBehaviorSpec>("protocol behavior", "KapiProtocolBehaviorInfo")
        .Index()
        .Number("applicable_protocols", nameof(ApplicableProtocols), "Protocols", json: "applicable_protocols")
        .Text("behavior", nameof(Behavior), "Behavior", json: "behavior")
        .Number("protocol_flags", nameof(ProtocolFlags), "Flags", json: "protocol_flags")
        .Text("flag_description", nameof(FlagDescription), "Flag description", json: "flag_description");
}

public sealed record BufferSpec
{
    public KapiValue? Behaviors { get; init; }

    public KapiValue? MinSize { get; init; }

    public KapiValue? MaxSize { get; init; }

    public KapiValue? OptimalSize { get; init; }

    public bool CanPartialTransfer { get; init; }

    public string? PartialTransferRules { get; init; }

    public string? FragmentationRules { get; init; }

    public static KapiSectionSchema<BufferSpec> Schema { get; } = new KapiSectionSchema<BufferSpec>("buffer", "KapiBufferInfo")
        .Number("buffer_behaviors", nameof(Behaviors), "Behaviors", json: "buffer_behaviors")
        .Number("min_buffer_size", nameof(MinSize), "Minimum size", json: "min_buffer_size")
        .Number("max_buffer_size", nameof(MaxSize), "Maximum size", json: "max_buffer_size")
        .Number("optimal_buffer_size", nameof(OptimalSize), "Optimal size", json: "optimal_buffer_size")
        .Flag("can_partial_transfer", nameof(CanPartialTransfer), "Partial transfers", json: "can_partial_transfer")
        .Text("partial_transfer_rules", nameof(PartialTransferRules), "Partial transfer rules", json: "partial_transfer_rules")
        .Text("fragmentation_rules", nameof(FragmentationRules), "Fragmentation rules", json: "fragmentation_rules");
}

public sealed record AsyncSpec
{
    public KapiValue? SupportedModes { get; init; }

    public KapiValue? NonblockErrno { get; init; }

    public KapiValue? PollEventsIn { get; init; }

    public KapiValue? PollEventsOut { get; init; }

    public string? CompletionCondition { get; init; }

    public bool SupportsTimeout { get; init; }

    public string? TimeoutBehavior { get; init; }

    public static KapiSectionSchema<AsyncSpec> Schema { get; } = new KapiSectionSchema<AsyncSpec>("asynchronous operation", "KapiAsyncInfo")
        .Number("supported_modes", nameof(SupportedModes), "Modes", json: "supported_modes")
        .Number("nonblock_errno", nameof(NonblockErrno), "Non-blocking errno", json: "nonblock_errno")
        .Number("poll_events_in", nameof(PollEventsIn), "Poll events in", json: "poll_events_in")
        .Number("poll_events_out", nameof(PollEventsOut), "Poll events out", json: "poll_events_out")
        .Text("completion_condition", nameof(CompletionCondition), "Completion", json: "completion_condition")
        .Flag("supports_timeout", nameof(SupportsTimeout), "Timeout", json: "supports_timeout")
        .Text("timeout_behavior", nameof(TimeoutBehavior), "Timeout behavior", json: "timeout_behavior");
}

public sealed record AddressFamilySpec
{
    public int Index { get; init; }

    public KapiValue? Family { get; init; }

    public string? FamilyName { get; init; }

    public KapiValue? AddressStructSize { get; init; }

    public KapiValue? MinAddressLength { get; init; }

    public KapiValue? MaxAddressLength { get; init; }

    public string? AddressFormat { get; init; }

    public bool SupportsWildcard { get; init; }

    public bool SupportsMulticast { get; init; }

    public bool SupportsBroadcast { get; init; }

    public string? SpecialAddresses { get; init; }

    public KapiValue? PortRangeMin { get; init; }

    public KapiValue? PortRangeMax { get; init; }

    public static KapiSectionSchema<AddressFamilySpec> Schema { get; } = new KapiSectionSchema<AddressFamilySpec>("address family", "KapiAddressFamilyInfo")
        .Index()
        .ZeroNumber("family", nameof(Family), "Family", json: "family")
        .Text("family_name", nameof(FamilyName), "Name", json: "family_name")
        .ZeroNumber("addr_struct_size", nameof(AddressStructSize), "Address size", json: "addr_struct_size")
        .ZeroNumber("min_addr_len", nameof(MinAddressLength), "Minimum length", json: "min_addr_len")
        .ZeroNumber("max_addr_len", nameof(MaxAddressLength), "Maximum length", json: "max_addr_len")
        .Text("addr_format", nameof(AddressFormat), "Format", json: "addr_format")
        .Flag("supports_wildcard", nameof(SupportsWildcard), "Wildcard", json: "supports_wildcard")
        .Flag("supports_multicast", nameof(SupportsMulticast), "Multicast", json: "supports_multicast")
        .Flag("supports_broadcast", nameof(SupportsBroadcast), "Broadcast", json: "supports_broadcast")
        .Text("special_addresses", nameof(SpecialAddresses), "Special addresses", json: "special_addresses")
        .ZeroNumber("port_range_min", nameof(PortRangeMin), "Port minimum", json: "port_range_min")
        .ZeroNumber("port_range_max", nameof(PortRangeMax), "Port maximum", json: "port_range_max");
}
