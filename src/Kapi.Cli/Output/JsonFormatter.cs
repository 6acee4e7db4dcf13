using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kapi.Architectures;
using Kapi.Collections;
using Kapi.Model;

namespace Kapi.Cli.Output;

/// <summary>
/// JSON output with the upstream tool's field names (tools/kapi, serde): <c>{"apis": [...]}</c> for the list and
/// <c>{"api_details": {...}}</c> for one spec. Top-level detail keys whose value is empty are omitted, as upstream
/// does; inside items every upstream key is present (null when unknown). Numbers are the values on the selected
/// architecture. Kapi additions, which upstream consumers can ignore: <c>arch</c>; per object an
/// <c>expressions</c> map from a numeric field to the C expression it was written as (only for fields that were
/// not plain literals); <c>enum_value_numbers</c>; the R1/R2 struct fields upstream's P4 tool no longer has
/// (<c>deprecated</c>, <c>replacement</c>, ioctl <c>cmd</c>…, network flags).
/// </summary>
internal sealed class JsonFormatter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Escapes quotes, backslashes and control characters (and lone surrogates); keeps readable UTF-8 text.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Utf8JsonWriter _w;
    private readonly KapiArch _arch;

    private JsonFormatter(Utf8JsonWriter writer, KapiArch arch)
    {
        _w = writer;
        _arch = arch;
    }

    public static string List(IReadOnlyList<ApiSpec> specs)
    {
        return Write(KapiArchitectures.Current, f =>
        {
            f._w.WriteStartObject();
            f._w.WriteStartArray("apis");
            foreach (var spec in specs)
            {
                f._w.WriteStartObject();
                f.Str("name", spec.Name);
                f.Str("api_type", KapiNames.ApiType(spec));
                f._w.WriteEndObject();
            }
            f._w.WriteEndArray();
            f._w.WriteEndObject();
        });
    }

    public static string Details(ApiSpec spec, KapiArch arch)
    {
        return Write(arch, f =>
        {
            f._w.WriteStartObject();
            f._w.WritePropertyName("api_details");
            f.WriteDetails(spec);
            f._w.WriteEndObject();
        });
    }

    private static string Write(KapiArch arch, System.Action<JsonFormatter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            body(new JsonFormatter(writer, arch));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private void WriteDetails(ApiSpec s)
    {
        var exprs = new List<(string, string)>();
        _w.WriteStartObject();
        Str("name", s.Name);
        Str("arch", _arch.RidName());
        Str("api_type", KapiNames.ApiType(s));
        OptStr("description", s.Description);
        OptStr("long_description", s.LongDescription);
        if (s.ContextFlags is not null)
        {
            _w.WriteStartArray("context_flags");
            _w.WriteStringValue(Clean(KapiNames.OneLine(s.ContextFlags.Expression)));
            _w.WriteEndArray();
        }
        OptStr("examples", s.Examples);
        OptStr("notes", s.Notes);
        OptStr("since_version", s.SinceVersion);
        if (s.Deprecated) _w.WriteBoolean("deprecated", true);
        OptStr("replacement", s.Replacement);

        if (s.Kind == ApiKind.Sysfs || s.Sysfs is not null)
        {
            OptStr("subsystem", s.Sysfs?.Subsystem);
            OptStr("device_type", s.Sysfs?.DeviceType);
            var sp = FirstSysfsParam(s);
            OptStr("sysfs_path", sp?.Path);
            if (sp?.Permissions is not null) Str("permissions", KapiNames.Permissions(sp.Permissions, _arch));
        }

        if (s.Ioctl is { } io)
        {
            if (io.Command is not null) Num("cmd", io.Command, exprs, unsigned: true);
            OptStr("cmd_name", io.CommandName);
            if (io.InputSize is not null) Num("input_size", io.InputSize, exprs);
            if (io.OutputSize is not null) Num("output_size", io.OutputSize, exprs);
            OptStr("file_ops_name", io.FileOpsName);
        }

        if (s.Network is { } net) WriteNetwork(net);

        if (!s.Capabilities.IsEmpty)
        {
            _w.WriteStartArray("capabilities");
            foreach (var c in s.Capabilities) WriteCapability(c);
            _w.WriteEndArray();
        }
        if (!s.StateTransitions.IsEmpty)
        {
            _w.WriteStartArray("state_transitions");
            foreach (var t in s.StateTransitions)
            {
                _w.WriteStartObject();
                Str("object", t.Object);
                Str("from_state", t.FromState);
                Str("to_state", t.ToState);
                Str("condition", t.Condition);
                Str("description", t.Description);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (!s.SideEffects.IsEmpty)
        {
            _w.WriteStartArray("side_effects");
            foreach (var e in s.SideEffects)
            {
                var ex = new List<(string, string)>();
                _w.WriteStartObject();
                Num("effect_type", e.Type, ex, zeroWhenAbsent: true);
                Str("target", e.Target);
                Str("condition", e.Condition);
                Str("description", e.Description);
                _w.WriteBoolean("reversible", e.Reversible);
                Expressions(ex);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (!s.Params.IsEmpty)
        {
            _w.WriteStartArray("parameters");
            foreach (var p in s.Params) WriteParam(p);
            _w.WriteEndArray();
        }
        if (s.Return is { } r) WriteReturn(r);
        if (!s.Errors.IsEmpty)
        {
            _w.WriteStartArray("errors");
            foreach (var e in s.Errors)
            {
                var ex = new List<(string, string)>();
                _w.WriteStartObject();
                Num("error_code", e.Code, ex, zeroWhenAbsent: true);
                Str("name", e.Name);
                Str("condition", e.Condition);
                Str("description", e.Description);
                Expressions(ex);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (!s.Locks.IsEmpty)
        {
            _w.WriteStartArray("locks");
            foreach (var l in s.Locks)
            {
                var ex = new List<(string, string)>();
                _w.WriteStartObject();
                Str("lock_name", l.Name);
                Num("lock_type", l.LockType, ex, zeroWhenAbsent: true);
                _w.WriteNumber("scope", KapiNames.LockScope(l));
                Str("description", l.Description);
                Expressions(ex);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (!s.StructSpecs.IsEmpty)
        {
            _w.WriteStartArray("struct_specs");
            foreach (var st in s.StructSpecs) WriteStruct(st);
            _w.WriteEndArray();
        }
        if (!s.Signals.IsEmpty)
        {
            _w.WriteStartArray("signals");
            foreach (var sig in s.Signals) WriteSignal(sig);
            _w.WriteEndArray();
        }
        if (!s.SignalMasks.IsEmpty)
        {
            _w.WriteStartArray("signal_masks");
            foreach (var m in s.SignalMasks)
            {
                _w.WriteStartObject();
                Str("name", m.Name);
                Str("description", m.Description);
                _w.WriteStartArray("signals");
                foreach (var sig in m.Signals) NumValue(sig.Get(_arch));
                _w.WriteEndArray();
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (!s.Constraints.IsEmpty)
        {
            _w.WriteStartArray("constraints");
            foreach (var c in s.Constraints)
            {
                _w.WriteStartObject();
                Str("name", c.Name);
                Str("description", c.Description);
                Str("expression", c.Expression);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        Expressions(exprs);
        _w.WriteEndObject();
    }

    private void WriteParam(ParamSpec p)
    {
        var ex = new List<(string, string)>();
        _w.WriteStartObject();
        _w.WriteNumber("index", p.Index);
        Str("name", p.Name);
        Str("type_name", p.CTypeName);
        Str("description", p.Description);
        Num("flags", p.Flags, ex, zeroWhenAbsent: true);
        Num("param_type", p.Type, ex, zeroWhenAbsent: true);
        Num("constraint_type", p.ConstraintType, ex, zeroWhenAbsent: true);
        Str("constraint", p.ConstraintText);
        Num("min_value", p.MinValue, ex);
        Num("max_value", p.MaxValue, ex);
        Num("valid_mask", p.ValidMask, ex, unsigned: true);
        _w.WriteStartArray("enum_values");
        foreach (var e in p.EnumValues) _w.WriteStringValue(Clean(KapiNames.EnumName(e)));
        _w.WriteEndArray();
        Num("size", p.Size, ex);
        Num("alignment", p.Alignment, ex);
        if (p.SizeParamIndex is long idx && idx >= 0) _w.WriteNumber("size_param_idx", idx);
        else _w.WriteNull("size_param_idx");
        // Kapi additions
        if (!p.EnumValues.IsEmpty)
        {
            _w.WriteStartArray("enum_value_numbers");
            foreach (var e in p.EnumValues) NumValue(e.Value.Get(_arch));
            _w.WriteEndArray();
        }
        if (!p.MaskFlags.IsEmpty)
        {
            _w.WriteStartArray("mask_flags");
            foreach (var m in p.MaskFlags)
            {
                _w.WriteStartObject();
                Str("name", m.Name);
                NumOrNull("value", m.Value.Get(_arch), unsigned: true);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (p.RequiredMask is not null) Num("required_mask", p.RequiredMask, ex, unsigned: true);
        if (p.EnumMask is not null) Num("enum_mask", p.EnumMask, ex, unsigned: true);
        if (p.SizeMultiplier is not null) Num("size_multiplier", p.SizeMultiplier, ex);
        if (p.Validator is not null) Str("validate", p.Validator);
        if (p.Sysfs is { } sf)
        {
            OptStr("sysfs_path", sf.Path);
            if (sf.Permissions is not null) Str("sysfs_permissions", KapiNames.Permissions(sf.Permissions, _arch));
            OptStr("default_value", sf.DefaultValue);
            OptStr("units", sf.Units);
            if (sf.Step is not null) Num("step", sf.Step, ex);
            if (!sf.AllowedStrings.IsEmpty)
            {
                _w.WriteStartArray("allowed_strings");
                foreach (var a in sf.AllowedStrings) _w.WriteStringValue(Clean(a));
                _w.WriteEndArray();
            }
        }
        Expressions(ex);
        _w.WriteEndObject();
    }

    private void WriteReturn(ReturnSpec r)
    {
        var ex = new List<(string, string)>();
        _w.WritePropertyName("return_spec");
        _w.WriteStartObject();
        Str("type_name", r.CTypeName);
        Str("description", r.Description);
        Num("return_type", r.Type, ex, zeroWhenAbsent: true);
        Num("check_type", r.CheckType, ex, zeroWhenAbsent: true);
        Num("success_value", r.SuccessValue, ex);
        Num("success_min", r.SuccessMin, ex);
        Num("success_max", r.SuccessMax, ex);
        _w.WriteStartArray("error_values");
        foreach (var v in r.ErrorValues) NumValue(v.Get(_arch));
        _w.WriteEndArray();
        if (r.SuccessPredicate is not null) Str("is_success", r.SuccessPredicate);
        Expressions(ex);
        _w.WriteEndObject();
    }

    private void WriteSignal(SignalSpec s)
    {
        var ex = new List<(string, string)>();
        _w.WriteStartObject();
        Num("signal_num", s.SignalNumber, ex, zeroWhenAbsent: true);
        Str("signal_name", s.SignalName);
        Num("direction", s.Direction, ex, zeroWhenAbsent: true);
        Num("action", s.Action, ex, zeroWhenAbsent: true);
        Str("target", s.Target);
        Str("condition", s.Condition);
        Str("description", s.Description);
        _w.WriteNumber("timing", KapiNames.TimingCode(s.Timing));
        if (s.Timing is not null) ex.Add(("timing", s.Timing));
        Num("priority", s.Priority, ex, zeroWhenAbsent: true);
        _w.WriteBoolean("restartable", s.Restartable);
        _w.WriteBoolean("interruptible", s.Interruptible);
        Str("queue", s.QueueBehavior);
        _w.WriteNumber("sa_flags", 0);
        Num("sa_flags_required", s.SaFlagsRequired, ex, zeroWhenAbsent: true);
        Num("sa_flags_forbidden", s.SaFlagsForbidden, ex, zeroWhenAbsent: true);
        Num("state_required", s.StateRequired, ex, zeroWhenAbsent: true);
        Num("state_forbidden", s.StateForbidden, ex, zeroWhenAbsent: true);
        Num("error_on_signal", s.ErrorOnSignal, ex);
        Num("transform_to", s.TransformTo, ex);
        Expressions(ex);
        _w.WriteEndObject();
    }

    private void WriteCapability(CapabilitySpec c)
    {
        var ex = new List<(string, string)>();
        _w.WriteStartObject();
        Num("capability", c.Capability, ex, zeroWhenAbsent: true);
        Str("name", c.Name);
        Str("action", c.Action is null ? null : KapiNames.OneLine(c.Action.Expression));
        Str("allows", c.Allows);
        Str("without_cap", c.WithoutCapability);
        Str("check_condition", c.Condition);
        Num("priority", c.Priority, ex);
        _w.WriteStartArray("alternatives");
        foreach (var a in c.Alternatives) NumValue(a.Get(_arch));
        _w.WriteEndArray();
        Expressions(ex);
        _w.WriteEndObject();
    }

    private void WriteStruct(StructSpec st)
    {
        var ex = new List<(string, string)>();
        _w.WriteStartObject();
        Str("name", st.Name);
        Num("size", st.Size, ex, zeroWhenAbsent: true);
        Num("alignment", st.Alignment, ex, zeroWhenAbsent: true);
        _w.WriteNumber("field_count", st.Fields.Count);
        _w.WriteStartArray("fields");
        foreach (var f in st.Fields)
        {
            var fx = new List<(string, string)>();
            _w.WriteStartObject();
            Str("name", f.Name);
            Num("field_type", f.Type, fx, zeroWhenAbsent: true);
            Str("type_name", f.CTypeName);
            Num("offset", f.Offset, fx, zeroWhenAbsent: true);
            Num("size", f.Size, fx, zeroWhenAbsent: true);
            Num("flags", f.Flags, fx, zeroWhenAbsent: true);
            Num("constraint_type", f.ConstraintType, fx, zeroWhenAbsent: true);
            Num("min_value", f.MinValue, fx, zeroWhenAbsent: true);
            Num("max_value", f.MaxValue, fx, zeroWhenAbsent: true);
            Num("valid_mask", f.ValidMask, fx, zeroWhenAbsent: true, unsigned: true);
            Str("description", f.Description);
            if (!f.EnumValues.IsEmpty)
            {
                _w.WriteStartArray("enum_values");
                foreach (var e in f.EnumValues) _w.WriteStringValue(Clean(KapiNames.EnumName(e)));
                _w.WriteEndArray();
            }
            Expressions(fx);
            _w.WriteEndObject();
        }
        _w.WriteEndArray();
        Str("description", st.Description);
        Expressions(ex);
        _w.WriteEndObject();
    }

    private void WriteNetwork(NetworkInfo n)
    {
        if (n.SocketState is { } ss)
        {
            _w.WritePropertyName("socket_state");
            _w.WriteStartObject();
            StrArray("required_states", ss.RequiredStates);
            StrArray("forbidden_states", ss.ForbiddenStates);
            Str("resulting_state", ss.ResultingState is null ? null : KapiNames.OneLine(ss.ResultingState.Expression));
            Str("condition", ss.Condition);
            Str("applicable_protocols", ss.ApplicableProtocols is null ? null : KapiNames.OneLine(ss.ApplicableProtocols.Expression));
            _w.WriteEndObject();
        }
        if (!n.ProtocolBehaviors.IsEmpty)
        {
            _w.WriteStartArray("protocol_behaviors");
            foreach (var b in n.ProtocolBehaviors)
            {
                _w.WriteStartObject();
                Str("applicable_protocols", b.ApplicableProtocols is null ? string.Empty : KapiNames.OneLine(b.ApplicableProtocols.Expression));
                Str("behavior", b.Behavior);
                Str("protocol_flags", b.ProtocolFlags is null ? null : KapiNames.OneLine(b.ProtocolFlags.Expression));
                Str("flag_description", b.FlagDescription);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (!n.AddressFamilies.IsEmpty)
        {
            _w.WriteStartArray("addr_families");
            foreach (var a in n.AddressFamilies)
            {
                var ax = new List<(string, string)>();
                _w.WriteStartObject();
                Num("family", a.Family, ax, zeroWhenAbsent: true);
                Str("family_name", a.FamilyName);
                Num("addr_struct_size", a.AddressStructSize, ax, zeroWhenAbsent: true);
                Num("min_addr_len", a.MinAddressLength, ax, zeroWhenAbsent: true);
                Num("max_addr_len", a.MaxAddressLength, ax, zeroWhenAbsent: true);
                Str("addr_format", a.AddressFormat);
                _w.WriteBoolean("supports_wildcard", a.SupportsWildcard);
                _w.WriteBoolean("supports_multicast", a.SupportsMulticast);
                _w.WriteBoolean("supports_broadcast", a.SupportsBroadcast);
                Str("special_addresses", a.SpecialAddresses);
                Num("port_range_min", a.PortRangeMin, ax, zeroWhenAbsent: true);
                Num("port_range_max", a.PortRangeMax, ax, zeroWhenAbsent: true);
                Expressions(ax);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }
        if (n.Buffer is { } buf)
        {
            var bx = new List<(string, string)>();
            _w.WritePropertyName("buffer_spec");
            _w.WriteStartObject();
            Str("buffer_behaviors", buf.Behaviors is null ? null : KapiNames.OneLine(buf.Behaviors.Expression));
            Num("min_buffer_size", buf.MinSize, bx);
            Num("max_buffer_size", buf.MaxSize, bx);
            Num("optimal_buffer_size", buf.OptimalSize, bx);
            _w.WriteBoolean("can_partial_transfer", buf.CanPartialTransfer);
            Str("partial_transfer_rules", buf.PartialTransferRules);
            Str("fragmentation_rules", buf.FragmentationRules);
            Expressions(bx);
            _w.WriteEndObject();
        }
        if (n.Async is { } asy)
        {
            var ax = new List<(string, string)>();
            _w.WritePropertyName("async_spec");
            _w.WriteStartObject();
            Str("supported_modes", asy.SupportedModes is null ? null : KapiNames.OneLine(asy.SupportedModes.Expression));
            Num("nonblock_errno", asy.NonblockErrno, ax);
            Num("poll_events_in", asy.PollEventsIn, ax);
            Num("poll_events_out", asy.PollEventsOut, ax);
            Str("completion_condition", asy.CompletionCondition);
            _w.WriteBoolean("supports_timeout", asy.SupportsTimeout);
            Str("timeout_behavior", asy.TimeoutBehavior);
            Expressions(ax);
            _w.WriteEndObject();
        }
        OptStr("net_data_transfer", n.DataTransferSemantics);
        OptStr("connection_establishment", n.ConnectionEstablishment);
        OptStr("connection_termination", n.ConnectionTermination);
        if (n.IsConnectionOriented) _w.WriteBoolean("is_connection_oriented", true);
        if (n.IsMessageOriented) _w.WriteBoolean("is_message_oriented", true);
        if (n.SupportsOobData) _w.WriteBoolean("supports_oob_data", true);
        if (n.SupportsPeek) _w.WriteBoolean("supports_peek", true);
        if (n.SupportsSelectPoll) _w.WriteBoolean("supports_select_poll", true);
        if (n.IsReentrant) _w.WriteBoolean("is_reentrant", true);
    }

    internal static SysfsParamInfo? FirstSysfsParam(ApiSpec s)
    {
        foreach (var p in s.Params)
        {
            if (p.Sysfs is not null) return p.Sysfs;
        }
        return null;
    }

    // ---- primitives ----

    private void Str(string name, string? value)
    {
        if (value is null) _w.WriteNull(name);
        else _w.WriteString(name, Clean(value));
    }

    private void OptStr(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) _w.WriteString(name, Clean(value!));
    }

    private void StrArray(string name, EquatableArray<KapiValue> values)
    {
        _w.WriteStartArray(name);
        foreach (var v in values) _w.WriteStringValue(Clean(KapiNames.OneLine(v.Expression)));
        _w.WriteEndArray();
    }

    /// <summary>
    /// A numeric field: the value on the selected architecture; null when the field is absent (or, with
    /// <paramref name="zeroWhenAbsent"/>, 0 as the zero-initialised C struct has it) or unknown there.
    /// </summary>
    private void Num(string name, KapiValue? value, List<(string, string)> exprs, bool zeroWhenAbsent = false, bool unsigned = false)
    {
        if (value is null)
        {
            if (zeroWhenAbsent) _w.WriteNumber(name, 0);
            else _w.WriteNull(name);
            return;
        }
        NumOrNull(name, value.Get(_arch), unsigned);
        if (!KapiNames.IsLiteral(value.Expression)) exprs.Add((name, KapiNames.OneLine(value.Expression)));
    }

    private void NumOrNull(string name, long? v, bool unsigned = false)
    {
        if (v is not long n) _w.WriteNull(name);
        else if (unsigned) _w.WriteNumber(name, (ulong)n);
        else _w.WriteNumber(name, n);
    }

    private void NumValue(long? v)
    {
        if (v is long n) _w.WriteNumberValue(n);
        else _w.WriteNullValue();
    }

    private void Expressions(List<(string Field, string Expression)> exprs)
    {
        if (exprs.Count == 0) return;
        _w.WriteStartObject("expressions");
        foreach (var (field, expr) in exprs) _w.WriteString(field, Clean(expr));
        _w.WriteEndObject();
    }

    /// <summary>Replaces lone UTF-16 surrogates (which cannot be encoded as UTF-8) by U+FFFD.</summary>
    internal static string Clean(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsSurrogate(s[i]))
            {
                var sb = new StringBuilder(s.Length);
                for (int j = 0; j < s.Length; j++)
                {
                    char c = s[j];
                    if (char.IsHighSurrogate(c) && j + 1 < s.Length && char.IsLowSurrogate(s[j + 1]))
                    {
                        sb.Append(c).Append(s[j + 1]);
                        j++;
                    }
                    else if (char.IsSurrogate(c)) sb.Append('\uFFFD');
                    else sb.Append(c);
                }
                return sb.ToString();
            }
        }
        return s;
    }
}
