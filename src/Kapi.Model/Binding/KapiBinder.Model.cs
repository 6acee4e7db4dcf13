using System;
using System.Collections.Generic;
using System.Linq;
using Kapi.Architectures;
using Kapi.Collections;
using Kapi.Diagnostics;
using Kapi.Lexing;
using Kapi.Model;
using Kapi.Syntax;

namespace Kapi.Binding;

/// <summary>Second half of the binder: from bound scopes to the immutable model, evaluating values per architecture.</summary>
internal sealed partial class KapiBinder
{
    private ApiSpec BuildSpec(SpecBlockSyntax block, Scope spec, Scope? wrapper)
    {
        string name = block.Name;
        if (block.Form == SpecEntryForm.IoctlStruct && Str(spec, "name") is { Length: > 0 } inner)
        {
            name = inner;
        }
        var kind = block.Form switch
        {
            SpecEntryForm.Sysfs => ApiKind.Sysfs,
            SpecEntryForm.KernelApi => ApiKind.Function,
            _ => ApiKind.Ioctl,
        };
        if (kind == ApiKind.Function && Num(spec, "api_type") is { } apiType)
        {
            kind = apiType.X64 switch { 1 => ApiKind.Ioctl, 2 => ApiKind.Sysfs, _ => kind };
        }

        var parameters = spec.Items("params").Select(BuildParam).ToEquatableArray();
        var errors = spec.Items("errors").Select(s => new ErrorSpec(s.Index, Num(s, "error_code"), Str(s, "name"), Str(s, "condition"), Str(s, "description"))).ToEquatableArray();
        var signals = spec.Items("signals").Select(BuildSignal).ToEquatableArray();
        var masks = spec.Items("signal_masks").Select(s => new SignalMaskSpec(s.Index, Str(s, "mask_name"), Str(s, "description"), Values(s, "signals"))).ToEquatableArray();
        var effects = spec.Items("side_effects").Select(s => new SideEffectSpec(s.Index, Num(s, "type"), Str(s, "target"), Str(s, "condition"), Str(s, "description"), Bool(s, "reversible"))).ToEquatableArray();
        var transitions = spec.Items("state_transitions").Select(s => new StateTransitionSpec(s.Index, Str(s, "object"), Str(s, "from_state"), Str(s, "to_state"), Str(s, "condition"), Str(s, "description"))).ToEquatableArray();
        var locks = spec.Items("locks").Select(BuildLock).ToEquatableArray();
        var caps = spec.Items("capabilities").Select(s => new CapabilitySpec(s.Index, Num(s, "capability"), Str(s, "cap_name"), Num(s, "action"), Str(s, "allows"), Str(s, "without_cap"), Str(s, "check_condition"), Num(s, "priority"), Values(s, "alternative"))).ToEquatableArray();
        var constraints = spec.Items("constraints").Select(s => new ConstraintSpec(s.Index, Str(s, "name"), Str(s, "description"), Str(s, "expression"))).ToEquatableArray();
        var structs = spec.Items("struct_specs").Select(BuildStruct).ToEquatableArray();

        var r = spec.Single("return_spec");
        var ret = r is not null
            ? new ReturnSpec(Str(r, "type_name"), Str(r, "description"), Num(r, "type"), Num(r, "check_type"), Num(r, "success_value"), Num(r, "success_min"), Num(r, "success_max"), Values(r, "error_values"), Count(r, "error_count"), FunctionName(r, "is_success"))
            : null;
        if (ret is not null && r is not null && r.Fields.TryGetValue("error_count", out var rc) && r.Fields.ContainsKey("error_values") && !r.Fields["error_values"].ImpliedCount)
        {
            CheckCount("the return spec", "error_count", rc, ret.ErrorValues.Count);
        }

        // declared counts against items
        var counts = new List<DeclaredCount>();
        void Section(string countField, string arrayField)
        {
            if (!spec.Fields.TryGetValue(countField, out var fv)) return;
            var v = EvaluateX64(fv.Expression);
            if (v is null) return;
            counts.Add(new DeclaredCount(countField, v.Value));
            int items = spec.Arrays.TryGetValue(arrayField, out var dict) ? dict.Count : 0;
            CheckCount($"Spec '{name}'", countField, fv, items);
        }
        Section("param_count", "params");
        Section("error_count", "errors");
        Section("signal_count", "signals");
        Section("signal_mask_count", "signal_masks");
        Section("side_effect_count", "side_effects");
        Section("state_trans_count", "state_transitions");
        Section("lock_count", "locks");
        Section("capability_count", "capabilities");
        Section("constraint_count", "constraints");
        Section("struct_spec_count", "struct_specs");
        Section("protocol_behavior_count", "protocol_behaviors");
        Section("addr_family_count", "addr_families");
        foreach (var arrayField in spec.Arrays.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            CheckGaps(arrayField, spec.Arrays[arrayField]);
        }

        IoctlInfo? ioctl = null;
        var ioctlSource = wrapper ?? spec;
        if (kind == ApiKind.Ioctl || ioctlSource.Fields.ContainsKey("cmd"))
        {
            ioctl = new IoctlInfo(Num(ioctlSource, "cmd") ?? Num(spec, "cmd"), Str(ioctlSource, "cmd_name") ?? Str(spec, "cmd_name"), Num(ioctlSource, "input_size") ?? Num(spec, "input_size"), Num(ioctlSource, "output_size") ?? Num(spec, "output_size"), Str(ioctlSource, "file_ops_name") ?? Str(spec, "file_ops_name"));
        }
        SysfsInfo? sysfs = kind == ApiKind.Sysfs || spec.Fields.ContainsKey("subsystem") || spec.Fields.ContainsKey("device_type")
            ? new SysfsInfo(Str(spec, "subsystem"), Str(spec, "device_type"))
            : null;

        return new ApiSpec(
            name,
            kind,
            Str(spec, "description"),
            Str(spec, "long_description"),
            Num(spec, "context_flags"),
            parameters,
            ret,
            errors,
            signals,
            masks,
            effects,
            transitions,
            locks,
            caps,
            constraints,
            structs,
            Str(spec, "examples"),
            Str(spec, "notes"),
            Str(spec, "since_version"),
            Bool(spec, "deprecated"),
            Str(spec, "replacement"),
            counts.ToEquatableArray(),
            ioctl,
            sysfs,
            BuildNetwork(spec));
    }

    private void CheckCount(string owner, string field, FieldValue declared, int items)
    {
        var v = EvaluateX64(declared.Expression);
        if (v is not null && v.Value != items)
        {
            Report(KapiDiagnostics.CountMismatch, declared.Span, owner, field, v.Value, items);
        }
    }

    private void CheckGaps(string field, SortedDictionary<int, Scope> items)
    {
        if (items.Count == 0) return;
        int max = items.Keys.Max();
        for (int i = 0; i <= max; i++)
        {
            if (!items.ContainsKey(i))
            {
                var next = items.First(kv => kv.Key > i).Value;
                Report(KapiDiagnostics.IndexGap, next.Span, field, i, max);
                return;
            }
        }
    }

    private ParamSpec BuildParam(Scope s)
    {
        SysfsParamInfo? sysfs = null;
        if (s.Fields.ContainsKey("sysfs_path") || s.Fields.ContainsKey("sysfs_permissions") || s.Fields.ContainsKey("default_value") || s.Fields.ContainsKey("units") || s.Fields.ContainsKey("step") || s.Fields.ContainsKey("allowed_strings"))
        {
            sysfs = new SysfsParamInfo(Str(s, "sysfs_path"), Num(s, "sysfs_permissions"), Str(s, "default_value"), Str(s, "units"), Num(s, "step"), Strings(s, "allowed_strings"));
        }
        var enumValues = Named(s, "enum_values");
        if (s.Fields.TryGetValue("enum_count", out var ec) && s.Fields.TryGetValue("enum_values", out var ev) && !ev.ImpliedCount)
        {
            CheckCount($"Parameter '{Str(s, "name")}'", "enum_count", ec, enumValues.Count);
        }
        return new ParamSpec(
            s.Index,
            Str(s, "name"),
            Str(s, "type_name"),
            Str(s, "description"),
            Num(s, "type"),
            Num(s, "flags"),
            Num(s, "constraint_type"),
            Num(s, "min_value"),
            Num(s, "max_value"),
            Num(s, "valid_mask"),
            MaskFlags(s, "valid_mask"),
            Num(s, "required_mask"),
            Num(s, "enum_mask"),
            enumValues,
            s.Fields.ContainsKey("enum_count") ? Count(s, "enum_count") : s.Fields.ContainsKey("enum_values") ? enumValues.Count : null,
            Num(s, "size"),
            Num(s, "alignment"),
            Count(s, "size_param_idx"),
            Num(s, "size_multiplier"),
            Str(s, "constraints"),
            FunctionName(s, "validate"),
            sysfs)
        {
            IgnoresUnknownBits = Bool(s, "ignores_unknown_bits"),
        };
    }

    private SignalSpec BuildSignal(Scope s) => new(
        s.Index,
        Num(s, "signal_num"),
        Str(s, "signal_name"),
        Num(s, "direction"),
        Num(s, "action"),
        Str(s, "target"),
        Str(s, "condition"),
        Str(s, "description"),
        Bool(s, "restartable"),
        Num(s, "sa_flags_required"),
        Num(s, "sa_flags_forbidden"),
        Num(s, "error_on_signal"),
        Num(s, "transform_to"),
        Str(s, "timing"),
        Num(s, "priority"),
        Bool(s, "interruptible"),
        Str(s, "queue_behavior"),
        Num(s, "state_required"),
        Num(s, "state_forbidden"));

    private LockSpec BuildLock(Scope s)
    {
        bool acquired = Bool(s, "acquired"), released = Bool(s, "released"), entry = Bool(s, "held_on_entry"), exit = Bool(s, "held_on_exit");
        string? scope = s.Fields.TryGetValue("scope", out var sv)
            ? ExpressionPrinter.Print(sv.Expression)
            : entry || exit ? "KAPI_LOCK_CALLER_HELD"
            : acquired && !released ? "KAPI_LOCK_ACQUIRES"
            : released && !acquired ? "KAPI_LOCK_RELEASES"
            : "KAPI_LOCK_INTERNAL";
        return new LockSpec(s.Index, Str(s, "lock_name"), Num(s, "lock_type"), acquired, released, entry, exit, scope, Str(s, "description"));
    }

    private StructSpec BuildStruct(Scope s)
    {
        var fields = s.Items("fields").Select(f => new StructFieldSpec(
            f.Index, Str(f, "name"), Num(f, "type"), Str(f, "type_name"), Str(f, "description"), Num(f, "offset"), Num(f, "size"),
            Num(f, "flags"), Num(f, "constraint_type"), Num(f, "min_value"), Num(f, "max_value"), Num(f, "valid_mask"), Named(f, "enum_values"))).ToEquatableArray();
        if (s.Fields.TryGetValue("field_count", out var fc))
        {
            CheckCount($"Struct spec '{Str(s, "name")}'", "field_count", fc, fields.Count);
        }
        if (s.Arrays.TryGetValue("fields", out var items)) CheckGaps("fields", items);
        return new StructSpec(s.Index, Str(s, "name"), Str(s, "description"), Num(s, "size"), Num(s, "alignment"), fields);
    }

    private NetworkInfo? BuildNetwork(Scope spec)
    {
        string[] flags = { "is_connection_oriented", "is_message_oriented", "supports_oob_data", "supports_peek", "supports_select_poll", "is_reentrant", "connection_establishment", "connection_termination", "data_transfer_semantics" };
        bool any = flags.Any(spec.Fields.ContainsKey) || spec.Singles.ContainsKey("socket_state") || spec.Singles.ContainsKey("buffer_spec") || spec.Singles.ContainsKey("async_spec") || spec.Arrays.ContainsKey("protocol_behaviors") || spec.Arrays.ContainsKey("addr_families");
        if (!any) return null;
        var ss = spec.Single("socket_state");
        var socket = ss is null ? null : new SocketStateSpec(Values(ss, "required_states"), Values(ss, "forbidden_states"), Num(ss, "resulting_state"), Str(ss, "state_condition"), Num(ss, "applicable_protocols"));
        var bs = spec.Single("buffer_spec");
        var buffer = bs is null ? null : new BufferSpec(Num(bs, "buffer_behaviors"), Num(bs, "min_buffer_size"), Num(bs, "max_buffer_size"), Num(bs, "optimal_buffer_size"), Bool(bs, "can_partial_transfer"), Str(bs, "partial_transfer_rules"), Str(bs, "fragmentation_rules"));
        var asy = spec.Single("async_spec");
        var async = asy is null ? null : new AsyncSpec(Num(asy, "supported_modes"), Num(asy, "nonblock_errno"), Num(asy, "poll_events_in"), Num(asy, "poll_events_out"), Str(asy, "completion_condition"), Bool(asy, "supports_timeout"), Str(asy, "timeout_behavior"));
        var behaviors = spec.Items("protocol_behaviors").Select(s => new ProtocolBehaviorSpec(s.Index, Num(s, "applicable_protocols"), Str(s, "behavior"), Num(s, "protocol_flags"), Str(s, "flag_description"))).ToEquatableArray();
        var families = spec.Items("addr_families").Select(s => new AddressFamilySpec(s.Index, Num(s, "family"), Str(s, "family_name"), Num(s, "addr_struct_size"), Num(s, "min_addr_len"), Num(s, "max_addr_len"), Str(s, "addr_format"), Bool(s, "supports_wildcard"), Bool(s, "supports_multicast"), Bool(s, "supports_broadcast"), Str(s, "special_addresses"), Num(s, "port_range_min"), Num(s, "port_range_max"))).ToEquatableArray();
        return new NetworkInfo(socket, behaviors, buffer, async, families, Bool(spec, "is_connection_oriented"), Bool(spec, "is_message_oriented"), Bool(spec, "supports_oob_data"), Bool(spec, "supports_peek"), Bool(spec, "supports_select_poll"), Bool(spec, "is_reentrant"), Str(spec, "connection_establishment"), Str(spec, "connection_termination"), Str(spec, "data_transfer_semantics"));
    }

    // ------------------------------------------------------------------ field readers

    private string? Str(Scope s, string field)
    {
        if (!s.Fields.TryGetValue(field, out var fv)) return null;
        var e = fv.Expression;
        while (e is ParenthesizedExpressionSyntax p) e = p.Inner;
        switch (e)
        {
            case StringLiteralSyntax str:
                return str.Value;
            case IdentifierSyntax id:
                if (id.Name == "NULL") return null;
                if (KapiVocabulary.TryGetString(id.Name, out var sv)) return sv;
                if (_symbols.TryGetDefine(id.Name, out var d) && d is StringLiteralSyntax ds) return ds.Value;
                return id.Name;
            default:
                return ExpressionPrinter.Print(e);
        }
    }

    private string? FunctionName(Scope s, string field) =>
        s.Fields.TryGetValue(field, out var fv) ? ExpressionPrinter.Print(fv.Expression) : null;

    private bool Bool(Scope s, string field)
    {
        if (!s.Fields.TryGetValue(field, out var fv)) return false;
        var v = EvaluateX64(fv.Expression, fv);
        return v is not null && v.Value != 0;
    }

    private long? Count(Scope s, string field) =>
        s.Fields.TryGetValue(field, out var fv) ? EvaluateX64(fv.Expression, fv) : null;

    private long? EvaluateX64(ExpressionSyntax e, FieldValue? fv = null)
    {
        var value = Evaluate(e);
        return value.X64;
    }

    private KapiValue? Num(Scope s, string field) =>
        s.Fields.TryGetValue(field, out var fv) ? Evaluate(fv.Expression) : null;

    /// <summary>Evaluates an expression on every architecture and reports the first failure once.</summary>
    private KapiValue Evaluate(ExpressionSyntax e)
    {
        var values = new long?[KapiArchitectures.Count];
        ConstantEvaluator.Failure? failure = null;
        _evaluators ??= KapiArchitectures.All.Select(a => new ConstantEvaluator(_symbols, a)).ToArray();
        foreach (var arch in KapiArchitectures.All)
        {
            var ev = _evaluators[(int)arch];
            values[(int)arch] = ev.Evaluate(e);
            failure ??= ev.LastFailure;
            if (failure is not null && failure.IsUnknownName) break; // unknown everywhere
            if (arch == KapiArch.X64 && !ev.UsedArchDependentValue && !ev.UndefinedOnArch)
            {
                // nothing architecture-specific was used: the value is the same everywhere
                for (int i = 1; i < values.Length; i++) values[i] = values[0];
                break;
            }
        }
        if (failure is not null)
        {
            if (failure.IsUnknownName)
            {
                string? suggestion = SuggestConstant(failure.Text);
                Report(KapiDiagnostics.UnknownConstant, failure.Span, failure.Text, suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)");
                for (int i = 0; i < values.Length; i++) values[i] = null;
            }
            else
            {
                Report(KapiDiagnostics.BadConstantExpression, failure.Span, Lexer.Truncate(failure.Text), failure.Reason);
            }
        }
        return KapiValue.FromArray(ExpressionPrinter.Print(e), values);
    }

    private int _suggestionBudget = 64;
    private ConstantEvaluator[]? _evaluators;

    private string? SuggestConstant(string name)
    {
        if (_suggestionBudget-- <= 0) return null;
        Kapi.Diagnostics.WorkCounter.Tick();
        var candidates = UapiConstants.Names.Concat(KapiVocabulary.Names).Concat(_symbols.DefineNames).Concat(_symbols.ArrayNames);
        return Suggestions.Closest(name, candidates);
    }

    /// <summary>The elements of an array value: a compound literal, an initializer list, or the name of a file-scope array.</summary>
    private List<ExpressionSyntax>? Elements(Scope s, string field)
    {
        if (!s.Fields.TryGetValue(field, out var fv)) return null;
        var e = fv.Expression;
        for (int guard = 0; guard < 16; guard++)
        {
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    e = p.Inner;
                    continue;
                case CastExpressionSyntax c:
                    e = c.Operand;
                    continue;
                case CompoundLiteralSyntax cl:
                    return cl.Initializer.Elements.ToList();
                case InitializerListSyntax list:
                    return list.Elements.ToList();
                case IdentifierSyntax id:
                    if (_symbols.TryGetArray(id.Name, out var arr)) return arr.ToList();
                    if (_symbols.TryGetDefine(id.Name, out var d))
                    {
                        e = d;
                        continue;
                    }
                    if (id.Name == "NULL") return new List<ExpressionSyntax>();
                    {
                        string? suggestion = SuggestConstant(id.Name);
                        Report(KapiDiagnostics.UnknownConstant, id.Span, id.Name, (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + " (an array defined in another file?)");
                    }
                    return null;
                default:
                    Report(KapiDiagnostics.WrongArgumentType, e.Span, 1, "." + field, "an array (a compound literal or the name of a static array)");
                    return null;
            }
        }
        return null;
    }

    private EquatableArray<KapiValue> Values(Scope s, string field) =>
        (Elements(s, field) ?? new List<ExpressionSyntax>()).Select(Evaluate).ToEquatableArray();

    private EquatableArray<string> Strings(Scope s, string field) =>
        (Elements(s, field) ?? new List<ExpressionSyntax>()).Select(e => e is StringLiteralSyntax str ? str.Value : ExpressionPrinter.Print(e)).ToEquatableArray();

    private EquatableArray<KapiNamedValue> Named(Scope s, string field)
    {
        var elements = Elements(s, field);
        if (elements is null) return EquatableArray<KapiNamedValue>.Empty;
        return elements.Select(e => new KapiNamedValue(NameOf(e), Evaluate(e))).ToEquatableArray();
    }

    private static string NameOf(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Inner;
        return e is IdentifierSyntax id ? id.Name : ExpressionPrinter.Print(e);
    }

    /// <summary>The named flags of a mask: the leaves of its '|' tree (through parentheses and #defines).</summary>
    private EquatableArray<KapiNamedValue> MaskFlags(Scope s, string field)
    {
        if (!s.Fields.TryGetValue(field, out var fv)) return EquatableArray<KapiNamedValue>.Empty;
        var leaves = new List<ExpressionSyntax>();
        Flatten(fv.Expression, leaves, 0);
        var result = new List<KapiNamedValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            string n = NameOf(leaf);
            if (seen.Add(n)) result.Add(new KapiNamedValue(n, Evaluate(leaf)));
        }
        return result.ToEquatableArray();
    }

    private void Flatten(ExpressionSyntax e, List<ExpressionSyntax> leaves, int depth)
    {
        if (depth > 1000) return;
        switch (e)
        {
            case ParenthesizedExpressionSyntax p:
                Flatten(p.Inner, leaves, depth + 1);
                return;
            case BinaryExpressionSyntax { Operator: TokenKind.Bar } b:
                Flatten(b.Left, leaves, depth + 1);
                Flatten(b.Right, leaves, depth + 1);
                return;
            case IdentifierSyntax id when _symbols.TryGetDefine(id.Name, out var d) && (d is BinaryExpressionSyntax { Operator: TokenKind.Bar } || d is ParenthesizedExpressionSyntax):
                Flatten(d, leaves, depth + 1);
                return;
            default:
                leaves.Add(e);
                return;
        }
    }
}
