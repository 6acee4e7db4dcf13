using Kapi.Model;
using Kapi.Model.Schema;

namespace Kapi.Binding;

internal enum ScopeKind
{
    IoctlWrapper,
    Spec,
    Param,
    Return,
    Error,
    Signal,
    SignalMask,
    Lock,
    Constraint,
    SideEffect,
    StateTrans,
    Capability,
    StructSpec,
    StructField,
    ProtocolBehavior,
    AddrFamily,
    SocketState,
    Buffer,
    Async,
}

internal enum MacroKind
{
    /// <summary>Opens a sub-object (<c>.array[idx] = {</c> or <c>.field = {</c>) and sets fields from its arguments.</summary>
    Open,
    /// <summary><c>*_END</c>: closes the innermost scope of its kind.</summary>
    Close,
    /// <summary>Sets fields of the innermost scope from its arguments.</summary>
    Set,
    /// <summary>No arguments: sets one field to a fixed value.</summary>
    Flag,
    /// <summary>Opens and closes in one (<c>KAPI_ERROR</c>).</summary>
    SelfContained,
}

/// <summary>
/// One macro of the KAPI vocabulary. <see cref="Args"/> maps arguments to fields of the scope:
/// <c>field</c> = the field's value (a string or a number, as its section's schema says), <c>field:id</c> = stringified identifier,
/// <c>field:arr</c> = array (compound literal or array name), <c>field:list</c> = the rest of the arguments as an array,
/// <c>_</c> = ignored. For openers with an array field, the index comes first and is not listed.
/// </summary>
internal sealed record MacroDef(
    string Name,
    MacroKind Kind,
    ScopeKind Scope,
    string? ArrayField,
    string[] Args,
    bool Variadic = false,
    string? FlagField = null,
    string? FlagValue = null)
{
    public int MinArgs => (ArrayField is not null && Kind is MacroKind.Open or MacroKind.SelfContained ? 1 : 0) + Args.Length;

    public int MaxArgs => Variadic ? int.MaxValue : MinArgs;

    public bool TakesParentheses => Kind switch
    {
        MacroKind.Close or MacroKind.Flag => false,
        _ => true,
    };
}

internal static class MacroTable
{
    private static readonly Dictionary<string, MacroDef> s_macros = Build();

    public static bool TryGet(string name, out MacroDef def) => s_macros.TryGetValue(name, out def!);

    public static IEnumerable<string> Names => s_macros.Keys;

    /// <summary>The sections of the model whose fields a scope kind holds (a spec's scope also holds its ioctl, sysfs and network facts).</summary>
    public static readonly Dictionary<ScopeKind, KapiSectionSchema[]> Sections = new()
    {
        [ScopeKind.IoctlWrapper] = new KapiSectionSchema[] { IoctlInfo.Schema },
        [ScopeKind.Spec] = new KapiSectionSchema[] { ApiSpec.Schema, IoctlInfo.Schema, SysfsInfo.Schema, NetworkInfo.Schema },
        [ScopeKind.Param] = new KapiSectionSchema[] { ParamSpec.Schema, SysfsParamInfo.Schema },
        [ScopeKind.Return] = new KapiSectionSchema[] { ReturnSpec.Schema },
        [ScopeKind.Error] = new KapiSectionSchema[] { ErrorSpec.Schema },
        [ScopeKind.Lock] = new KapiSectionSchema[] { LockSpec.Schema },
        [ScopeKind.Constraint] = new KapiSectionSchema[] { ConstraintSpec.Schema },
        [ScopeKind.Signal] = new KapiSectionSchema[] { SignalSpec.Schema },
        [ScopeKind.SignalMask] = new KapiSectionSchema[] { SignalMaskSpec.Schema },
        [ScopeKind.StructSpec] = new KapiSectionSchema[] { StructSpec.Schema },
        [ScopeKind.StructField] = new KapiSectionSchema[] { StructFieldSpec.Schema },
        [ScopeKind.SideEffect] = new KapiSectionSchema[] { SideEffectSpec.Schema },
        [ScopeKind.StateTrans] = new KapiSectionSchema[] { StateTransitionSpec.Schema },
        [ScopeKind.Capability] = new KapiSectionSchema[] { CapabilitySpec.Schema },
        [ScopeKind.ProtocolBehavior] = new KapiSectionSchema[] { ProtocolBehaviorSpec.Schema },
        [ScopeKind.AddrFamily] = new KapiSectionSchema[] { AddressFamilySpec.Schema },
        [ScopeKind.SocketState] = new KapiSectionSchema[] { SocketStateSpec.Schema },
        [ScopeKind.Buffer] = new KapiSectionSchema[] { BufferSpec.Schema },
        [ScopeKind.Async] = new KapiSectionSchema[] { AsyncSpec.Schema },
    };

    /// <summary>
    /// Fields of the C structures that the model does not keep as such: declared counts (checked against the items and
    /// kept as <see cref="ApiSpec.DeclaredCounts"/>), magic markers, the name the entry macro already gives.
    /// </summary>
    private static readonly Dictionary<ScopeKind, string[]> s_acceptedOnly = new()
    {
        [ScopeKind.IoctlWrapper] = new[] { "api_spec" },
        [ScopeKind.Spec] = new[]
        {
            "name", "param_count", "error_count", "lock_count", "constraint_count", "signal_count", "signal_mask_count",
            "struct_spec_count", "side_effect_count", "state_trans_count", "capability_count", "protocol_behavior_count",
            "addr_family_count", "api_type", "param_magic", "return_magic", "error_magic", "lock_magic", "constraint_magic",
            "info_magic", "signal_magic", "sigmask_magic", "struct_magic", "effect_magic", "trans_magic", "cap_magic",
        },
        [ScopeKind.Param] = new[] { "enum_count", "allowed_string_count" },
        [ScopeKind.SignalMask] = new[] { "signal_count" },
        [ScopeKind.StructSpec] = new[] { "field_count" },
        [ScopeKind.StructField] = new[] { "enum_count" },
        [ScopeKind.Capability] = new[] { "alternative_count" },
        [ScopeKind.SocketState] = new[] { "required_state_count", "forbidden_state_count" },
    };

    /// <summary>Fields each scope kind accepts as <c>.field = value</c>: its sections' fields and the accepted-only ones.</summary>
    public static readonly Dictionary<ScopeKind, string[]> Fields = BuildFields();

    private static Dictionary<ScopeKind, string[]> BuildFields()
    {
        var fields = new Dictionary<ScopeKind, string[]>();
        foreach (var kv in Sections)
        {
            var names = new List<string>();
            foreach (var section in kv.Value)
            {
                foreach (var field in section.Fields)
                {
                    if (field.CName is { } c && !names.Contains(c)) names.Add(c);
                }
            }
            if (s_acceptedOnly.TryGetValue(kv.Key, out var more)) names.AddRange(more);
            fields[kv.Key] = names.ToArray();
        }
        return fields;
    }

    /// <summary>True when the field of a <paramref name="kind"/> scope is written as a string (a description, a name).</summary>
    public static bool TakesString(ScopeKind kind, string field) => StringFields.Table.TryGetValue((kind, field), out bool s) && s;

    /// <summary>Per scope kind, whether each field is written as a string: the first section field of that C name decides.</summary>
    private static class StringFields
    {
        public static readonly Dictionary<(ScopeKind, string), bool> Table = Build();

        private static Dictionary<(ScopeKind, string), bool> Build()
        {
            var table = new Dictionary<(ScopeKind, string), bool>();
            foreach (var entry in Sections)
            {
                foreach (var section in entry.Value)
                {
                    foreach (var f in section.Fields)
                    {
                        if (f.CName is { } c && !table.ContainsKey((entry.Key, c))) table[(entry.Key, c)] = f.WrittenAsString;
                    }
                }
            }
            return table;
        }
    }

    /// <summary>Array fields (<c>.params[i] = {</c>) and single sub-objects (<c>.return_spec = {</c>) per scope, with the kind they open and their fixed size.</summary>
    public static readonly Dictionary<(ScopeKind, string), (ScopeKind Kind, int Max)> SubObjects = new()
    {
        [(ScopeKind.IoctlWrapper, "api_spec")] = (ScopeKind.Spec, 0),
        [(ScopeKind.Spec, "params")] = (ScopeKind.Param, 16),
        [(ScopeKind.Spec, "errors")] = (ScopeKind.Error, 32),
        [(ScopeKind.Spec, "locks")] = (ScopeKind.Lock, 32),
        [(ScopeKind.Spec, "constraints")] = (ScopeKind.Constraint, 32),
        [(ScopeKind.Spec, "signals")] = (ScopeKind.Signal, 32),
        [(ScopeKind.Spec, "signal_masks")] = (ScopeKind.SignalMask, 32),
        [(ScopeKind.Spec, "struct_specs")] = (ScopeKind.StructSpec, 8),
        [(ScopeKind.Spec, "side_effects")] = (ScopeKind.SideEffect, 32),
        [(ScopeKind.Spec, "state_transitions")] = (ScopeKind.StateTrans, 8),
        [(ScopeKind.Spec, "capabilities")] = (ScopeKind.Capability, 8),
        [(ScopeKind.Spec, "protocol_behaviors")] = (ScopeKind.ProtocolBehavior, 8),
        [(ScopeKind.Spec, "addr_families")] = (ScopeKind.AddrFamily, 8),
        [(ScopeKind.Spec, "return_spec")] = (ScopeKind.Return, 0),
        [(ScopeKind.Spec, "socket_state")] = (ScopeKind.SocketState, 0),
        [(ScopeKind.Spec, "buffer_spec")] = (ScopeKind.Buffer, 0),
        [(ScopeKind.Spec, "async_spec")] = (ScopeKind.Async, 0),
        [(ScopeKind.StructSpec, "fields")] = (ScopeKind.StructField, 16),
    };

    private static Dictionary<string, MacroDef> Build()
    {
        var t = new Dictionary<string, MacroDef>(StringComparer.Ordinal);
        void Open(string name, ScopeKind scope, string? array, params string[] args) => t[name] = new MacroDef(name, MacroKind.Open, scope, array, args);
        void OpenVar(string name, ScopeKind scope, string? array, params string[] args) => t[name] = new MacroDef(name, MacroKind.Open, scope, array, args, Variadic: true);
        void Close(string name, ScopeKind scope) => t[name] = new MacroDef(name, MacroKind.Close, scope, null, Array.Empty<string>());
        void Set(string name, ScopeKind scope, params string[] args) => t[name] = new MacroDef(name, MacroKind.Set, scope, null, args);
        void SetVar(string name, ScopeKind scope, params string[] args) => t[name] = new MacroDef(name, MacroKind.Set, scope, null, args, Variadic: true);
        void Flag(string name, ScopeKind scope, string field, string value = "true") => t[name] = new MacroDef(name, MacroKind.Flag, scope, null, Array.Empty<string>(), FlagField: field, FlagValue: value);

        // ---- header / info (top level)
        Set("KAPI_DESCRIPTION", ScopeKind.Spec, "description");
        Set("KAPI_LONG_DESC", ScopeKind.Spec, "long_description");
        Set("KAPI_CONTEXT", ScopeKind.Spec, "context_flags");
        Set("KAPI_EXAMPLES", ScopeKind.Spec, "examples");
        Set("KAPI_NOTES", ScopeKind.Spec, "notes");
        Set("KAPI_SINCE_VERSION", ScopeKind.Spec, "since_version");
        Flag("KAPI_DEPRECATED", ScopeKind.Spec, "deprecated");
        Set("KAPI_REPLACEMENT", ScopeKind.Spec, "replacement");
        Set("KAPI_SUBSYSTEM", ScopeKind.Spec, "subsystem");
        Set("KAPI_DEVICE_TYPE", ScopeKind.Spec, "device_type");
        Set("KAPI_PARAM_COUNT", ScopeKind.Spec, "param_count");
        Set("KAPI_ERROR_COUNT", ScopeKind.Spec, "error_count");
        Set("KAPI_LOCK_COUNT", ScopeKind.Spec, "lock_count");
        Set("KAPI_SIGNAL_COUNT", ScopeKind.Spec, "signal_count");
        Set("KAPI_SIGNAL_MASK_COUNT", ScopeKind.Spec, "signal_mask_count");
        Set("KAPI_STRUCT_SPEC_COUNT", ScopeKind.Spec, "struct_spec_count");
        Set("KAPI_SIDE_EFFECT_COUNT", ScopeKind.Spec, "side_effect_count");
        Set("KAPI_STATE_TRANS_COUNT", ScopeKind.Spec, "state_trans_count");
        Set("KAPI_CONSTRAINT_COUNT", ScopeKind.Spec, "constraint_count");
        Set("KAPI_CAPABILITY_COUNT", ScopeKind.Spec, "capability_count");
        Set("KAPI_PROTOCOL_BEHAVIOR_COUNT", ScopeKind.Spec, "protocol_behavior_count");
        Set("KAPI_ADDR_FAMILY_COUNT", ScopeKind.Spec, "addr_family_count");
        Set("KAPI_IOCTL_CMD", ScopeKind.Spec, "cmd");
        Set("KAPI_IOCTL_CMD_NAME", ScopeKind.Spec, "cmd_name");
        Set("KAPI_IOCTL_INPUT_SIZE", ScopeKind.Spec, "input_size");
        Set("KAPI_IOCTL_OUTPUT_SIZE", ScopeKind.Spec, "output_size");
        Set("KAPI_IOCTL_FILE_OPS_NAME", ScopeKind.Spec, "file_ops_name");
        Set("KAPI_IOCTL_FILE_OPS", ScopeKind.Spec, "file_ops_name:id");
        Flag("KAPI_NET_CONNECTION_ORIENTED", ScopeKind.Spec, "is_connection_oriented");
        Flag("KAPI_NET_MESSAGE_ORIENTED", ScopeKind.Spec, "is_message_oriented");
        Flag("KAPI_NET_SUPPORTS_OOB", ScopeKind.Spec, "supports_oob_data");
        Flag("KAPI_NET_SUPPORTS_PEEK", ScopeKind.Spec, "supports_peek");
        Flag("KAPI_NET_REENTRANT", ScopeKind.Spec, "is_reentrant");
        Set("KAPI_NET_CONN_ESTABLISH", ScopeKind.Spec, "connection_establishment");
        Set("KAPI_NET_CONN_TERMINATE", ScopeKind.Spec, "connection_termination");
        Set("KAPI_NET_DATA_TRANSFER", ScopeKind.Spec, "data_transfer_semantics");

        // ---- parameters
        Open("KAPI_PARAM", ScopeKind.Param, "params", "name", "type_name", "description");
        Close("KAPI_PARAM_END", ScopeKind.Param);
        Set("KAPI_PARAM_FLAGS", ScopeKind.Param, "flags");
        Set("KAPI_PARAM_TYPE", ScopeKind.Param, "type");
        Set("KAPI_PARAM_CONSTRAINT_TYPE", ScopeKind.Param, "constraint_type");
        Set("KAPI_PARAM_RANGE", ScopeKind.Param, "min_value", "max_value");
        Set("KAPI_PARAM_VALID_MASK", ScopeKind.Param, "valid_mask");
        Set("KAPI_PARAM_ENUM_VALUES", ScopeKind.Param, "enum_values:arr");
        Set("KAPI_PARAM_CONSTRAINT", ScopeKind.Param, "constraints");
        Set("KAPI_PARAM_SIZE", ScopeKind.Param, "size");
        Set("KAPI_PARAM_ALIGNMENT", ScopeKind.Param, "alignment");
        Set("KAPI_PARAM_SIZE_PARAM", ScopeKind.Param, "size_param_idx");
        Set("KAPI_PARAM_SIZE_PARAM_IDX", ScopeKind.Param, "size_param_idx");
        Set("KAPI_PARAM_REQUIRED_MASK", ScopeKind.Param, "required_mask");
        Set("KAPI_PARAM_ENUM_MASK", ScopeKind.Param, "enum_mask");
        Flag("KAPI_PARAM_IGNORES_UNKNOWN_BITS", ScopeKind.Param, "ignores_unknown_bits");
        Set("KAPI_PATH", ScopeKind.Param, "sysfs_path");
        Set("KAPI_PERMISSIONS", ScopeKind.Param, "sysfs_permissions");
        Set("KAPI_DEFAULT", ScopeKind.Param, "default_value");
        Set("KAPI_UNITS", ScopeKind.Param, "units");
        Set("KAPI_STEP", ScopeKind.Param, "step");
        Set("KAPI_ALLOWED_STRINGS", ScopeKind.Param, "allowed_strings:arr", "allowed_string_count");

        // ---- return
        Open("KAPI_RETURN", ScopeKind.Return, null, "type_name", "description");
        Close("KAPI_RETURN_END", ScopeKind.Return);
        Set("KAPI_RETURN_TYPE", ScopeKind.Return, "type");
        Set("KAPI_RETURN_CHECK_TYPE", ScopeKind.Return, "check_type");
        SetVar("KAPI_RETURN_SUCCESS", ScopeKind.Return, "success_value");
        Set("KAPI_RETURN_SUCCESS_RANGE", ScopeKind.Return, "success_min", "success_max");
        Set("KAPI_RETURN_ERROR_VALUES", ScopeKind.Return, "error_values:arr");
        Set("KAPI_RETURN_ERROR_COUNT", ScopeKind.Return, "error_count");

        // ---- errors
        t["KAPI_ERROR"] = new MacroDef("KAPI_ERROR", MacroKind.SelfContained, ScopeKind.Error, "errors", new[] { "error_code", "name", "condition", "description" });

        // ---- signals
        Open("KAPI_SIGNAL", ScopeKind.Signal, "signals", "signal_num", "signal_name", "direction", "action");
        Close("KAPI_SIGNAL_END", ScopeKind.Signal);
        Set("KAPI_SIGNAL_TARGET", ScopeKind.Signal, "target");
        Set("KAPI_SIGNAL_CONDITION", ScopeKind.Signal, "condition");
        Set("KAPI_SIGNAL_DESC", ScopeKind.Signal, "description");
        Flag("KAPI_SIGNAL_RESTARTABLE", ScopeKind.Signal, "restartable");
        Set("KAPI_SIGNAL_SA_FLAGS_REQ", ScopeKind.Signal, "sa_flags_required");
        Set("KAPI_SIGNAL_SA_FLAGS_FORBID", ScopeKind.Signal, "sa_flags_forbidden");
        Set("KAPI_SIGNAL_ERROR", ScopeKind.Signal, "error_on_signal");
        Set("KAPI_SIGNAL_TRANSFORM", ScopeKind.Signal, "transform_to");
        Set("KAPI_SIGNAL_TIMING", ScopeKind.Signal, "timing");
        Set("KAPI_SIGNAL_PRIORITY", ScopeKind.Signal, "priority");
        Flag("KAPI_SIGNAL_INTERRUPTIBLE", ScopeKind.Signal, "interruptible");
        Set("KAPI_SIGNAL_QUEUE", ScopeKind.Signal, "queue_behavior");
        Set("KAPI_SIGNAL_STATE_REQ", ScopeKind.Signal, "state_required");
        Set("KAPI_SIGNAL_STATE_FORBID", ScopeKind.Signal, "state_forbidden");

        // ---- signal masks
        Open("KAPI_SIGNAL_MASK", ScopeKind.SignalMask, "signal_masks", "mask_name", "description");
        Close("KAPI_SIGNAL_MASK_END", ScopeKind.SignalMask);
        SetVar("KAPI_SIGNAL_MASK_SIGNALS", ScopeKind.SignalMask, "signals:list");
        Set("KAPI_SIGNAL_MASK_ADD", ScopeKind.SignalMask, "_");

        // ---- side effects
        Open("KAPI_SIDE_EFFECT", ScopeKind.SideEffect, "side_effects", "type", "target", "description");
        Close("KAPI_SIDE_EFFECT_END", ScopeKind.SideEffect);
        Set("KAPI_EFFECT_CONDITION", ScopeKind.SideEffect, "condition");
        Flag("KAPI_EFFECT_REVERSIBLE", ScopeKind.SideEffect, "reversible");

        // ---- state transitions
        Open("KAPI_STATE_TRANS", ScopeKind.StateTrans, "state_transitions", "object", "from_state", "to_state", "description");
        Close("KAPI_STATE_TRANS_END", ScopeKind.StateTrans);
        Set("KAPI_STATE_TRANS_COND", ScopeKind.StateTrans, "condition");

        // ---- locks
        Open("KAPI_LOCK", ScopeKind.Lock, "locks", "lock_name", "lock_type");
        Close("KAPI_LOCK_END", ScopeKind.Lock);
        Set("KAPI_LOCK_DESC", ScopeKind.Lock, "description");
        Flag("KAPI_LOCK_ACQUIRED", ScopeKind.Lock, "acquired");
        Flag("KAPI_LOCK_RELEASED", ScopeKind.Lock, "released");
        Flag("KAPI_LOCK_HELD_ENTRY", ScopeKind.Lock, "held_on_entry");
        Flag("KAPI_LOCK_HELD_EXIT", ScopeKind.Lock, "held_on_exit");

        // ---- capabilities
        Open("KAPI_CAPABILITY", ScopeKind.Capability, "capabilities", "capability", "cap_name", "action");
        Close("KAPI_CAPABILITY_END", ScopeKind.Capability);
        Set("KAPI_CAP_ALLOWS", ScopeKind.Capability, "allows");
        Set("KAPI_CAP_WITHOUT", ScopeKind.Capability, "without_cap");
        Set("KAPI_CAP_CONDITION", ScopeKind.Capability, "check_condition");
        Set("KAPI_CAP_PRIORITY", ScopeKind.Capability, "priority");
        Set("KAPI_CAP_ALTERNATIVE", ScopeKind.Capability, "alternative:arr", "alternative_count");

        // ---- constraints
        Open("KAPI_CONSTRAINT", ScopeKind.Constraint, "constraints", "name", "description");
        Close("KAPI_CONSTRAINT_END", ScopeKind.Constraint);
        Set("KAPI_CONSTRAINT_EXPR", ScopeKind.Constraint, "expression");

        // ---- struct specs
        Open("KAPI_STRUCT_SPEC", ScopeKind.StructSpec, "struct_specs", "name:id", "description");
        Close("KAPI_STRUCT_SPEC_END", ScopeKind.StructSpec);
        Set("KAPI_STRUCT_SIZE", ScopeKind.StructSpec, "size", "alignment");
        Set("KAPI_STRUCT_FIELD_COUNT", ScopeKind.StructSpec, "field_count");
        Open("KAPI_STRUCT_FIELD", ScopeKind.StructField, "fields", "name", "type", "type_name", "description");
        Close("KAPI_STRUCT_FIELD_END", ScopeKind.StructField);
        Set("KAPI_FIELD_OFFSET", ScopeKind.StructField, "offset");
        Set("KAPI_FIELD_SIZE", ScopeKind.StructField, "size");
        Set("KAPI_FIELD_FLAGS", ScopeKind.StructField, "flags");
        Set("KAPI_FIELD_CONSTRAINT_RANGE", ScopeKind.StructField, "min_value", "max_value");
        Set("KAPI_FIELD_CONSTRAINT_MASK", ScopeKind.StructField, "valid_mask");
        SetVar("KAPI_FIELD_CONSTRAINT_ENUM", ScopeKind.StructField, "enum_values:list");

        // ---- network (R2-P2)
        OpenVar("KAPI_SOCKET_STATE_REQ", ScopeKind.SocketState, null, "required_states:list");
        Close("KAPI_SOCKET_STATE_END", ScopeKind.SocketState);
        SetVar("KAPI_SOCKET_STATE_FORBID", ScopeKind.SocketState, "forbidden_states:list");
        Set("KAPI_SOCKET_STATE_RESULT", ScopeKind.SocketState, "resulting_state");
        Set("KAPI_SOCKET_STATE_COND", ScopeKind.SocketState, "state_condition");
        Set("KAPI_SOCKET_STATE_PROTOS", ScopeKind.SocketState, "applicable_protocols");
        Open("KAPI_PROTOCOL_BEHAVIOR", ScopeKind.ProtocolBehavior, "protocol_behaviors", "applicable_protocols", "behavior");
        Close("KAPI_PROTOCOL_BEHAVIOR_END", ScopeKind.ProtocolBehavior);
        Set("KAPI_PROTOCOL_FLAGS", ScopeKind.ProtocolBehavior, "protocol_flags", "flag_description");
        Open("KAPI_BUFFER_SPEC", ScopeKind.Buffer, null, "buffer_behaviors");
        Close("KAPI_BUFFER_END", ScopeKind.Buffer);
        Set("KAPI_BUFFER_SIZE", ScopeKind.Buffer, "min_buffer_size", "max_buffer_size", "optimal_buffer_size");
        Set("KAPI_BUFFER_PARTIAL", ScopeKind.Buffer, "can_partial_transfer", "partial_transfer_rules");
        Set("KAPI_BUFFER_FRAGMENT", ScopeKind.Buffer, "fragmentation_rules");
        Open("KAPI_ASYNC_SPEC", ScopeKind.Async, null, "supported_modes", "nonblock_errno");
        Close("KAPI_ASYNC_END", ScopeKind.Async);
        Set("KAPI_ASYNC_POLL", ScopeKind.Async, "poll_events_in", "poll_events_out");
        Set("KAPI_ASYNC_COMPLETION", ScopeKind.Async, "completion_condition");
        Set("KAPI_ASYNC_TIMEOUT", ScopeKind.Async, "supports_timeout", "timeout_behavior");
        Open("KAPI_ADDR_FAMILY", ScopeKind.AddrFamily, "addr_families", "family", "family_name", "addr_struct_size", "min_addr_len", "max_addr_len");
        Close("KAPI_ADDR_FAMILY_END", ScopeKind.AddrFamily);
        Set("KAPI_ADDR_FORMAT", ScopeKind.AddrFamily, "addr_format");
        Set("KAPI_ADDR_FEATURES", ScopeKind.AddrFamily, "supports_wildcard", "supports_multicast", "supports_broadcast");
        Set("KAPI_ADDR_SPECIAL", ScopeKind.AddrFamily, "special_addresses");
        Set("KAPI_ADDR_PORTS", ScopeKind.AddrFamily, "port_range_min", "port_range_max");
        return t;
    }
}
