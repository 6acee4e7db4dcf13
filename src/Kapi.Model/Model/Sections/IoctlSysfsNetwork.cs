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

    public static KapiSectionSchema<IoctlInfo> Schema { get; } = new KapiSectionSchema<IoctlInfo>("ioctl", "KapiIoctlInfo", "The ioctl part of an ioctl spec.")
        .Number("cmd", nameof(Command), "Command", json: "cmd", jsonOptions: KapiJsonOptions.Unsigned, doc: "The ioctl command number.")
        .Text("cmd_name", nameof(CommandName), "Command name", json: "cmd_name", doc: "The command name, for example <c>BINDER_WRITE_READ</c>.")
        .Number("input_size", nameof(InputSize), "Input size", json: "input_size", doc: "The input size in bytes.")
        .Number("output_size", nameof(OutputSize), "Output size", json: "output_size", doc: "The output size in bytes.")
        .Text("file_ops_name", nameof(FileOpsName), "File operations", json: "file_ops_name", doc: "The <c>file_operations</c> the ioctl belongs to.");
}

/// <summary>The sysfs part of a sysfs spec.</summary>
public sealed record SysfsInfo
{
    public string? Subsystem { get; init; }

    public string? DeviceType { get; init; }

    public static KapiSectionSchema<SysfsInfo> Schema { get; } = new KapiSectionSchema<SysfsInfo>("sysfs", "KapiSysfsInfo", "The sysfs part of a sysfs spec.")
        .Text("subsystem", nameof(Subsystem), "Subsystem", json: "subsystem", doc: "<c>KAPI_SUBSYSTEM</c>.")
        .Text("device_type", nameof(DeviceType), "Device type", json: "device_type", doc: "<c>KAPI_DEVICE_TYPE</c>.");
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

    public static KapiSectionSchema<NetworkInfo> Schema { get; } = new KapiSectionSchema<NetworkInfo>("network", "KapiNetworkInfo", "The socket and network sections of a spec (RFC v2).")
        .Section("socket_state", nameof(SocketState), "Socket State Requirements", SocketStateSpec.Schema, json: "socket_state", doc: "<c>KAPI_SOCKET_STATE_REQ</c> block.")
        .Sections("protocol_behaviors", nameof(ProtocolBehaviors), "Protocol Behaviors", ProtocolBehaviorSpec.Schema, json: "protocol_behaviors", doc: "<c>KAPI_PROTOCOL_BEHAVIOR</c> blocks.")
        .Section("buffer_spec", nameof(Buffer), "Buffer Specification", BufferSpec.Schema, json: "buffer_spec", doc: "<c>KAPI_BUFFER_SPEC</c> block.")
        .Section("async_spec", nameof(Async), "Asynchronous Operation", AsyncSpec.Schema, json: "async_spec", doc: "<c>KAPI_ASYNC_SPEC</c> block.")
        .Sections("addr_families", nameof(AddressFamilies), "Supported Address Families", AddressFamilySpec.Schema, json: "addr_families", doc: "<c>KAPI_ADDR_FAMILY</c> blocks.")
        .Flag("is_connection_oriented", nameof(IsConnectionOriented), "Connection-oriented", json: "is_connection_oriented", doc: "<c>KAPI_NET_CONNECTION_ORIENTED</c>.")
        .Flag("is_message_oriented", nameof(IsMessageOriented), "Message-oriented", json: "is_message_oriented", doc: "<c>KAPI_NET_MESSAGE_ORIENTED</c>.")
        .Flag("supports_oob_data", nameof(SupportsOobData), "Out-of-band data", json: "supports_oob_data", doc: "<c>KAPI_NET_SUPPORTS_OOB</c>.")
        .Flag("supports_peek", nameof(SupportsPeek), "Peek", json: "supports_peek", doc: "<c>KAPI_NET_SUPPORTS_PEEK</c>.")
        .Flag("supports_select_poll", nameof(SupportsSelectPoll), "select/poll", json: "supports_select_poll", doc: "<c>.supports_select_poll</c>.")
        .Flag("is_reentrant", nameof(IsReentrant), "Reentrant", json: "is_reentrant", doc: "<c>KAPI_NET_REENTRANT</c>.")
        .Text("connection_establishment", nameof(ConnectionEstablishment), "Connection establishment", json: "connection_establishment", doc: "<c>KAPI_NET_CONN_ESTABLISH</c>.")
        .Text("connection_termination", nameof(ConnectionTermination), "Connection termination", json: "connection_termination", doc: "<c>KAPI_NET_CONN_TERMINATE</c>.")
        .Text("data_transfer_semantics", nameof(DataTransferSemantics), "Network Data Transfer", json: "net_data_transfer", doc: "<c>KAPI_NET_DATA_TRANSFER</c>.");
}

public sealed record SocketStateSpec
{
    public EquatableArray<KapiValue> RequiredStates { get; init; } = EquatableArray<KapiValue>.Empty;

    public EquatableArray<KapiValue> ForbiddenStates { get; init; } = EquatableArray<KapiValue>.Empty;

    public KapiValue? ResultingState { get; init; }

    public string? Condition { get; init; }

    public KapiValue? ApplicableProtocols { get; init; }

    public static KapiSectionSchema<SocketStateSpec> Schema { get; } = new KapiSectionSchema<SocketStateSpec>("socket state", "KapiSocketStateInfo", "A <c>KAPI_SOCKET_STATE_REQ</c> block.")
        .Numbers("required_states", nameof(RequiredStates), "Required states", json: "required_states", doc: "The required socket states.")
        .Numbers("forbidden_states", nameof(ForbiddenStates), "Forbidden states", json: "forbidden_states", doc: "The forbidden socket states.")
        .Number("resulting_state", nameof(ResultingState), "Resulting state", json: "resulting_state", doc: "The state after the call.")
        .Text("state_condition", nameof(Condition), "Condition", json: "condition", doc: "The condition.")
        .Number("applicable_protocols", nameof(ApplicableProtocols), "Applicable protocols", json: "applicable_protocols", doc: "An OR of <c>KAPI_PROTO_*</c>.");
}

public sealed record ProtocolBehaviorSpec
{
    public int Index { get; init; }

    public KapiValue? ApplicableProtocols { get; init; }

    public string? Behavior { get; init; }

    public KapiValue? ProtocolFlags { get; init; }

    public string? FlagDescription { get; init; }

    public static KapiSectionSchema<ProtocolBehaviorSpec> Schema { get; } = new KapiSectionSchema<ProtocolBehaviorSpec>("protocol behavior", "KapiProtocolBehaviorInfo", "A <c>KAPI_PROTOCOL_BEHAVIOR</c> block.")
        .Index()
        .Number("applicable_protocols", nameof(ApplicableProtocols), "Protocols", json: "applicable_protocols", doc: "An OR of <c>KAPI_PROTO_*</c>.")
        .Text("behavior", nameof(Behavior), "Behavior", json: "behavior", doc: "The behaviour.")
        .Number("protocol_flags", nameof(ProtocolFlags), "Flags", json: "protocol_flags", doc: "<c>KAPI_PROTOCOL_FLAGS</c> flags.")
        .Text("flag_description", nameof(FlagDescription), "Flag description", json: "flag_description", doc: "<c>KAPI_PROTOCOL_FLAGS</c> description.");
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

    public static KapiSectionSchema<BufferSpec> Schema { get; } = new KapiSectionSchema<BufferSpec>("buffer", "KapiBufferInfo", "A <c>KAPI_BUFFER_SPEC</c> block.")
        .Number("buffer_behaviors", nameof(Behaviors), "Behaviors", json: "buffer_behaviors", doc: "An OR of <c>KAPI_BUF_*</c>.")
        .Number("min_buffer_size", nameof(MinSize), "Minimum size", json: "min_buffer_size", doc: "The minimum size.")
        .Number("max_buffer_size", nameof(MaxSize), "Maximum size", json: "max_buffer_size", doc: "The maximum size.")
        .Number("optimal_buffer_size", nameof(OptimalSize), "Optimal size", json: "optimal_buffer_size", doc: "The optimal size.")
        .Flag("can_partial_transfer", nameof(CanPartialTransfer), "Partial transfers", json: "can_partial_transfer", doc: "Whether partial transfers happen.")
        .Text("partial_transfer_rules", nameof(PartialTransferRules), "Partial transfer rules", json: "partial_transfer_rules", doc: "The partial-transfer rules.")
        .Text("fragmentation_rules", nameof(FragmentationRules), "Fragmentation rules", json: "fragmentation_rules", doc: "The fragmentation rules.");
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

    public static KapiSectionSchema<AsyncSpec> Schema { get; } = new KapiSectionSchema<AsyncSpec>("asynchronous operation", "KapiAsyncInfo", "A <c>KAPI_ASYNC_SPEC</c> block.")
        .Number("supported_modes", nameof(SupportedModes), "Modes", json: "supported_modes", doc: "An OR of <c>KAPI_ASYNC_*</c>.")
        .Number("nonblock_errno", nameof(NonblockErrno), "Non-blocking errno", json: "nonblock_errno", doc: "The errno in non-blocking mode.")
        .Number("poll_events_in", nameof(PollEventsIn), "Poll events in", json: "poll_events_in", doc: "Poll events for input.")
        .Number("poll_events_out", nameof(PollEventsOut), "Poll events out", json: "poll_events_out", doc: "Poll events for output.")
        .Text("completion_condition", nameof(CompletionCondition), "Completion", json: "completion_condition", doc: "The completion condition.")
        .Flag("supports_timeout", nameof(SupportsTimeout), "Timeout", json: "supports_timeout", doc: "Whether a timeout is supported.")
        .Text("timeout_behavior", nameof(TimeoutBehavior), "Timeout behavior", json: "timeout_behavior", doc: "The timeout behaviour.");
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

    public static KapiSectionSchema<AddressFamilySpec> Schema { get; } = new KapiSectionSchema<AddressFamilySpec>("address family", "KapiAddressFamilyInfo", "A <c>KAPI_ADDR_FAMILY</c> block.")
        .Index()
        .ZeroNumber("family", nameof(Family), "Family", json: "family", doc: "The address family (<c>AF_*</c>).")
        .Text("family_name", nameof(FamilyName), "Name", json: "family_name", doc: "The family name.")
        .ZeroNumber("addr_struct_size", nameof(AddressStructSize), "Address size", json: "addr_struct_size", doc: "The size of the address struct.")
        .ZeroNumber("min_addr_len", nameof(MinAddressLength), "Minimum length", json: "min_addr_len", doc: "The minimum address length.")
        .ZeroNumber("max_addr_len", nameof(MaxAddressLength), "Maximum length", json: "max_addr_len", doc: "The maximum address length.")
        .Text("addr_format", nameof(AddressFormat), "Format", json: "addr_format", doc: "<c>KAPI_ADDR_FORMAT</c>.")
        .Flag("supports_wildcard", nameof(SupportsWildcard), "Wildcard", json: "supports_wildcard", doc: "Wildcard addresses are supported.")
        .Flag("supports_multicast", nameof(SupportsMulticast), "Multicast", json: "supports_multicast", doc: "Multicast is supported.")
        .Flag("supports_broadcast", nameof(SupportsBroadcast), "Broadcast", json: "supports_broadcast", doc: "Broadcast is supported.")
        .Text("special_addresses", nameof(SpecialAddresses), "Special addresses", json: "special_addresses", doc: "<c>KAPI_ADDR_SPECIAL</c>.")
        .ZeroNumber("port_range_min", nameof(PortRangeMin), "Port minimum", json: "port_range_min", doc: "The lowest port.")
        .ZeroNumber("port_range_max", nameof(PortRangeMax), "Port maximum", json: "port_range_max", doc: "The highest port.");
}
