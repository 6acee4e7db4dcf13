using System.Collections.Generic;
using System.Linq;
using System.Text;
using Kapi.Architectures;
using Kapi.Model;

namespace Kapi.Cli.Output;

/// <summary>
/// The upstream tool's plain text layout ("Detailed information for NAME:", "Parameters (N):", "Possible Errors (N):" …),
/// with the facts upstream leaves out added as extra indented lines (KAPI type and constraint kind, enum values,
/// symbolic expressions next to every evaluated value, the architecture the values are for).
/// </summary>
internal sealed class PlainFormatter
{
    private readonly StringBuilder _sb = new();
    private readonly KapiArch _arch;

    private PlainFormatter(KapiArch arch) => _arch = arch;

    private void L(string line = "") => _sb.Append(line).Append('\n');

    public static string List(IReadOnlyList<ApiSpec> specs)
    {
        var f = new PlainFormatter(KapiArchitectures.Current);
        foreach (var (type, title) in SpecList.Groups)
        {
            var group = specs.Where(s => KapiNames.ApiType(s) == type).ToList();
            if (group.Count == 0) continue;
            f.L();
            f.L(title + ":");
            f.L(new string('-', title.Length + 1));
            foreach (var s in group) f.L("  " + s.Name);
        }
        f.L();
        f.L($"Total specifications found: {specs.Count}");
        return f._sb.ToString();
    }

    public static string Details(ApiSpec s, KapiArch arch)
    {
        var f = new PlainFormatter(arch);
        f.Write(s);
        return f._sb.ToString();
    }

    private string V(KapiValue? v, bool hex = false) => KapiNames.Show(v, _arch, hex);

    private string N(KapiValue? v) => KapiNames.Named(v, _arch);

    private void Write(ApiSpec s)
    {
        L();
        L($"Detailed information for {s.Name}:");
        L(new string('=', 25 + s.Name.Length) + "=");
        if (s.Description is not null) L($"Description: {s.Description}");
        L($"Architecture: {_arch.RidName()}");
        if (s.LongDescription is not null)
        {
            L();
            L("Detailed Description:");
            L(s.LongDescription);
        }
        if (s.SinceVersion is not null)
        {
            L();
            L($"Available since: {s.SinceVersion}");
        }
        if (s.Deprecated || s.Replacement is not null)
        {
            L();
            L("Deprecated: " + (s.Deprecated ? "yes" : "no") + (s.Replacement is null ? string.Empty : $" (replacement: {s.Replacement})"));
        }
        if (s.ContextFlags is not null)
        {
            L();
            L("Execution Context:");
            L("  - " + KapiNames.OneLine(s.ContextFlags.Expression));
        }
        if (!s.Params.IsEmpty)
        {
            L();
            L($"Parameters ({s.Params.Count}):");
            foreach (var p in s.Params) Param(p);
        }
        if (s.Return is { } r)
        {
            L();
            L("Return Value:");
            L($"  Type: {r.CTypeName}");
            if (r.Description is not null) L($"  {r.Description}");
            if (r.Type is not null) L($"  Return type: {N(r.Type)}");
            if (r.CheckType is not null) L($"  Check type: {N(r.CheckType)}");
            if (r.SuccessValue is not null) L($"  Success value: {V(r.SuccessValue)}");
            if (r.SuccessMin is not null || r.SuccessMax is not null) L($"  Success range: {V(r.SuccessMin)} to {V(r.SuccessMax)}");
            if (!r.ErrorValues.IsEmpty) L("  Error values: " + string.Join(", ", r.ErrorValues.Select(e => V(e))));
            if (r.SuccessPredicate is not null) L($"  Success predicate: {r.SuccessPredicate}");
        }
        if (!s.Errors.IsEmpty)
        {
            L();
            L($"Possible Errors ({s.Errors.Count}):");
            foreach (var e in s.Errors)
            {
                L($"  {e.Name} ({KapiNames.ValueOnly(e.Code, _arch)})");
                if (!string.IsNullOrEmpty(e.Condition)) L($"      Condition: {e.Condition}");
                if (!string.IsNullOrEmpty(e.Description)) L($"      {e.Description}");
            }
        }
        if (s.Notes is not null)
        {
            L();
            L("Notes:");
            L(s.Notes);
        }
        if (s.Examples is not null)
        {
            L();
            L("Examples:");
            L(s.Examples);
        }
        if (s.Kind == ApiKind.Sysfs || s.Sysfs is not null)
        {
            if (s.Sysfs?.Subsystem is not null) L($"Subsystem: {s.Sysfs.Subsystem}");
            if (s.Sysfs?.DeviceType is not null) L($"Device type: {s.Sysfs.DeviceType}");
            var sp = JsonFormatter.FirstSysfsParam(s);
            if (sp?.Path is not null) L($"Sysfs Path: {sp.Path}");
            if (sp?.Permissions is not null) L($"Permissions: {KapiNames.Permissions(sp.Permissions, _arch)}");
        }
        if (s.Ioctl is { } io)
        {
            L();
            L("IOCTL:");
            if (io.Command is not null) L($"  Command: {V(io.Command, hex: true)}");
            if (io.CommandName is not null) L($"  Command name: {io.CommandName}");
            if (io.InputSize is not null) L($"  Input size: {V(io.InputSize)}");
            if (io.OutputSize is not null) L($"  Output size: {V(io.OutputSize)}");
            if (io.FileOpsName is not null) L($"  File operations: {io.FileOpsName}");
        }
        if (s.Network is { } net) Network(net);
        if (!s.Capabilities.IsEmpty)
        {
            L();
            L("Required Capabilities:");
            foreach (var c in s.Capabilities)
            {
                L($"  {c.Name} ({KapiNames.ValueOnly(c.Capability, _arch)}) - {(c.Action is null ? string.Empty : KapiNames.OneLine(c.Action.Expression))}");
                if (!string.IsNullOrEmpty(c.Allows)) L($"    Allows: {c.Allows}");
                if (!string.IsNullOrEmpty(c.WithoutCapability)) L($"    Without capability: {c.WithoutCapability}");
                if (c.Condition is not null) L($"    Condition: {c.Condition}");
                if (c.Priority is not null) L($"    Priority: {V(c.Priority)}");
                if (!c.Alternatives.IsEmpty) L("    Alternatives: " + string.Join(", ", c.Alternatives.Select(a => V(a))));
            }
        }
        if (!s.Signals.IsEmpty)
        {
            L();
            L($"Signal Specifications ({s.Signals.Count}):");
            foreach (var sig in s.Signals) Signal(sig);
        }
        if (!s.SignalMasks.IsEmpty)
        {
            L();
            L($"Signal Masks ({s.SignalMasks.Count}):");
            foreach (var m in s.SignalMasks)
            {
                L($"  {m.Name}");
                if (!string.IsNullOrEmpty(m.Description)) L($"      {m.Description}");
                if (!m.Signals.IsEmpty) L("      Signals: " + string.Join(", ", m.Signals.Select(x => V(x))));
            }
        }
        if (!s.SideEffects.IsEmpty)
        {
            L();
            L($"Side Effects ({s.SideEffects.Count}):");
            foreach (var e in s.SideEffects)
            {
                L($"  {e.Target} - {e.Description}");
                if (e.Type is not null) L($"      Type: {EffectType(e.Type)}");
                if (e.Condition is not null) L($"      Condition: {e.Condition}");
                if (e.Reversible) L("      Reversible: yes");
            }
        }
        if (!s.StateTransitions.IsEmpty)
        {
            L();
            L($"State Transitions ({s.StateTransitions.Count}):");
            foreach (var t in s.StateTransitions)
            {
                L($"  {t.Object} : {t.FromState} -> {t.ToState}");
                if (t.Condition is not null) L($"      Condition: {t.Condition}");
                if (!string.IsNullOrEmpty(t.Description)) L($"      {t.Description}");
            }
        }
        if (!s.Constraints.IsEmpty)
        {
            L();
            L($"Additional Constraints ({s.Constraints.Count}):");
            foreach (var c in s.Constraints)
            {
                L($"  {c.Name}");
                if (!string.IsNullOrEmpty(c.Description)) L($"      {c.Description}");
                if (c.Expression is not null) L($"      Expression: {c.Expression}");
            }
        }
        if (!s.Locks.IsEmpty)
        {
            L();
            L($"Locking Requirements ({s.Locks.Count}):");
            foreach (var lk in s.Locks)
            {
                L($"  {lk.Name} ({KapiNames.Lookup(KapiNames.LockTypes, lk.LockType?.Get(_arch))})");
                L($"      Scope: {KapiNames.LockScopes[KapiNames.LockScope(lk)]}");
                if (!string.IsNullOrEmpty(lk.Description)) L($"      {lk.Description}");
            }
        }
        if (!s.StructSpecs.IsEmpty)
        {
            L();
            L($"Structure Specifications ({s.StructSpecs.Count}):");
            foreach (var st in s.StructSpecs) Struct(st);
        }
    }

    private void Param(ParamSpec p)
    {
        L($"  [{p.Index}] {p.Name} ({p.CTypeName})");
        if (!string.IsNullOrEmpty(p.Description)) L($"      {p.Description}");
        if (p.Flags?.Get(_arch) is long flags && flags != 0) L($"      Flags: {KapiNames.Decode(KapiNames.ParamFlags, flags, " | ")}");
        if (p.Type is not null) L($"      Type: {N(p.Type)}");
        if (p.ConstraintType is not null) L($"      Constraint type: {N(p.ConstraintType)}");
        if (p.ConstraintText is not null) L($"      Constraint: {p.ConstraintText}");
        if (p.MinValue is not null || p.MaxValue is not null) L($"      Range: {V(p.MinValue)} to {V(p.MaxValue)}");
        if (p.ValidMask is not null) L($"      Valid mask: {V(p.ValidMask, hex: true)}");
        if (!p.MaskFlags.IsEmpty) L("      Mask flags: " + string.Join(", ", p.MaskFlags.Select(m => $"{m.Name} = {(m.Value.Expression == m.Name && m.Value.Get(_arch) is long mv ? KapiNames.Hex(mv) : V(m.Value, hex: true))}")));
        if (p.RequiredMask is not null) L($"      Required (at least one of): {V(p.RequiredMask, hex: true)}");
        if (p.EnumMask is not null) L($"      Enumerated field mask: {V(p.EnumMask, hex: true)}");
        if (!p.EnumValues.IsEmpty) L("      Enum values: " + string.Join(", ", p.EnumValues.Select(EnumValue)));
        if (p.Size is not null) L($"      Size: {V(p.Size)}");
        if (p.Alignment is not null) L($"      Alignment: {V(p.Alignment)}");
        if (p.SizeParamIndex is long idx && idx >= 0) L($"      Size parameter: [{idx}]" + (p.SizeMultiplier is null ? string.Empty : $" x {V(p.SizeMultiplier)}"));
        if (p.Validator is not null) L($"      Validator: {p.Validator}");
        if (p.Sysfs is { } sf)
        {
            if (sf.Path is not null) L($"      Sysfs path: {sf.Path}");
            if (sf.Permissions is not null) L($"      Permissions: {KapiNames.Permissions(sf.Permissions, _arch)}");
            if (sf.DefaultValue is not null) L($"      Default: {sf.DefaultValue}");
            if (sf.Units is not null) L($"      Units: {sf.Units}");
            if (sf.Step is not null) L($"      Step: {V(sf.Step)}");
            if (!sf.AllowedStrings.IsEmpty) L("      Allowed strings: " + string.Join(", ", sf.AllowedStrings));
        }
    }

    private string EnumValue(KapiNamedValue nv)
    {
        string name = KapiNames.EnumName(nv);
        string num = nv.Value.Get(_arch) is long n ? KapiNames.Dec(n) : "?";
        return KapiNames.IsLiteral(name) && num != "?" ? num : $"{name} ({num})";
    }

    private string EffectType(KapiValue v) =>
        v.Get(_arch) is long n
            ? KapiNames.Decode(KapiNames.EffectTypes, n, " | ") + (KapiNames.IsLiteral(v.Expression) || KapiNames.OnlyNames(v.Expression, "KAPI_EFFECT_") ? string.Empty : $" ({KapiNames.OneLine(v.Expression)})")
            : V(v);

    private void Signal(SignalSpec s)
    {
        var dir = s.Direction?.Get(_arch) is long d && d != 0 ? KapiNames.Decode(KapiNames.SignalDirections, d, "|") : "UNKNOWN";
        var act = KapiNames.Lookup(KapiNames.SignalActions, s.Action?.Get(_arch) ?? 0);
        L($"  {s.SignalName} ({KapiNames.ValueOnly(s.SignalNumber, _arch)}) - {dir} - {act}");
        if (s.Target is not null) L($"      Target: {s.Target}");
        if (s.Condition is not null) L($"      Condition: {s.Condition}");
        if (s.Description is not null) L($"      {s.Description}");
        L($"      Timing: {KapiNames.SignalTimings[KapiNames.TimingCode(s.Timing)]}" + (s.Timing is null ? string.Empty : $" ({s.Timing})"));
        L($"      Priority: {(s.Priority is null ? "0" : V(s.Priority))}");
        if (s.Restartable) L("      Restartable: yes");
        if (s.Interruptible) L("      Interruptible: yes");
        if (s.ErrorOnSignal is not null) L($"      Error on signal: {V(s.ErrorOnSignal)}");
        if (s.TransformTo is not null) L($"      Transform to: {V(s.TransformTo)}");
        if (s.QueueBehavior is not null) L($"      Queue: {s.QueueBehavior}");
        if (s.SaFlagsRequired is not null) L($"      SA flags required: {V(s.SaFlagsRequired, hex: true)}");
        if (s.SaFlagsForbidden is not null) L($"      SA flags forbidden: {V(s.SaFlagsForbidden, hex: true)}");
        if (s.StateRequired is not null) L($"      State required: {V(s.StateRequired, hex: true)}");
        if (s.StateForbidden is not null) L($"      State forbidden: {V(s.StateForbidden, hex: true)}");
    }

    private void Struct(StructSpec st)
    {
        L($"  {st.Name} (size={V(st.Size)}, align={V(st.Alignment)}):");
        if (!string.IsNullOrEmpty(st.Description)) L($"      {st.Description}");
        if (st.Fields.IsEmpty) return;
        L($"      Fields ({st.Fields.Count}):");
        foreach (var f in st.Fields)
        {
            L($"        - {f.Name} ({f.CTypeName}):" + (string.IsNullOrEmpty(f.Description) ? string.Empty : " " + f.Description));
            if (f.Offset is not null || f.Size is not null) L($"          Offset: {V(f.Offset)}, size: {V(f.Size)}");
            if (f.Type is not null) L($"          Type: {N(f.Type)}");
            if (f.Flags?.Get(_arch) is long fl && fl != 0) L($"          Flags: {KapiNames.Decode(KapiNames.ParamFlags, fl, " | ")}");
            if (f.ConstraintType is not null) L($"          Constraint type: {N(f.ConstraintType)}");
            if (f.MinValue is not null || f.MaxValue is not null) L($"          Range: [{V(f.MinValue)}, {V(f.MaxValue)}]");
            if (f.ValidMask is not null) L($"          Mask: {V(f.ValidMask, hex: true)}");
            if (!f.EnumValues.IsEmpty) L("          Enum values: " + string.Join(", ", f.EnumValues.Select(EnumValue)));
        }
    }

    private void Network(NetworkInfo n)
    {
        if (n.SocketState is { } ss)
        {
            L();
            L("Socket State Requirements:");
            if (!ss.RequiredStates.IsEmpty) L("  Required states: " + string.Join(", ", ss.RequiredStates.Select(x => KapiNames.OneLine(x.Expression))));
            if (!ss.ForbiddenStates.IsEmpty) L("  Forbidden states: " + string.Join(", ", ss.ForbiddenStates.Select(x => KapiNames.OneLine(x.Expression))));
            if (ss.ResultingState is not null) L($"  Resulting state: {KapiNames.OneLine(ss.ResultingState.Expression)}");
            if (ss.Condition is not null) L($"  Condition: {ss.Condition}");
            if (ss.ApplicableProtocols is not null) L($"  Applicable protocols: {KapiNames.OneLine(ss.ApplicableProtocols.Expression)}");
        }
        if (!n.ProtocolBehaviors.IsEmpty)
        {
            L();
            L("Protocol-Specific Behaviors:");
            foreach (var b in n.ProtocolBehaviors)
            {
                L($"  {(b.ApplicableProtocols is null ? string.Empty : KapiNames.OneLine(b.ApplicableProtocols.Expression))} - {b.Behavior}");
                if (b.ProtocolFlags is not null) L($"    Flags: {KapiNames.OneLine(b.ProtocolFlags.Expression)}" + (b.FlagDescription is null ? string.Empty : $" ({b.FlagDescription})"));
            }
        }
        if (!n.AddressFamilies.IsEmpty)
        {
            L();
            L("Supported Address Families:");
            foreach (var a in n.AddressFamilies)
            {
                L($"  {a.FamilyName} ({KapiNames.ValueOnly(a.Family, _arch)}):");
                L($"    Struct size: {V(a.AddressStructSize)} bytes");
                L($"    Address length: {V(a.MinAddressLength)}-{V(a.MaxAddressLength)} bytes");
                if (a.AddressFormat is not null) L($"    Format: {a.AddressFormat}");
                L($"    Features: wildcard={Bool(a.SupportsWildcard)}, multicast={Bool(a.SupportsMulticast)}, broadcast={Bool(a.SupportsBroadcast)}");
                if (a.SpecialAddresses is not null) L($"    Special addresses: {a.SpecialAddresses}");
                if (a.PortRangeMax is not null) L($"    Port range: {V(a.PortRangeMin)}-{V(a.PortRangeMax)}");
            }
        }
        if (n.Buffer is { } buf)
        {
            L();
            L("Buffer Specification:");
            if (buf.Behaviors is not null) L($"  Behaviors: {KapiNames.OneLine(buf.Behaviors.Expression)}");
            if (buf.MinSize is not null) L($"  Min size: {V(buf.MinSize)} bytes");
            if (buf.MaxSize is not null) L($"  Max size: {V(buf.MaxSize)} bytes");
            if (buf.OptimalSize is not null) L($"  Optimal size: {V(buf.OptimalSize)} bytes");
            if (buf.CanPartialTransfer) L("  Partial transfer: yes" + (buf.PartialTransferRules is null ? string.Empty : $" ({buf.PartialTransferRules})"));
            if (buf.FragmentationRules is not null) L($"  Fragmentation: {buf.FragmentationRules}");
        }
        if (n.Async is { } asy)
        {
            L();
            L("Asynchronous Operation:");
            if (asy.SupportedModes is not null) L($"  Supported modes: {KapiNames.OneLine(asy.SupportedModes.Expression)}");
            if (asy.NonblockErrno is not null) L($"  Non-blocking errno: {V(asy.NonblockErrno)}");
            if (asy.PollEventsIn is not null || asy.PollEventsOut is not null) L($"  Poll events: in {V(asy.PollEventsIn, hex: true)}, out {V(asy.PollEventsOut, hex: true)}");
            if (asy.CompletionCondition is not null) L($"  Completion: {asy.CompletionCondition}");
            if (asy.SupportsTimeout) L("  Timeout: yes" + (asy.TimeoutBehavior is null ? string.Empty : $" ({asy.TimeoutBehavior})"));
        }
        if (n.DataTransferSemantics is not null)
        {
            L();
            L($"Network Data Transfer: {n.DataTransferSemantics}");
        }
        var props = new List<string>();
        if (n.IsConnectionOriented) props.Add("connection-oriented");
        if (n.IsMessageOriented) props.Add("message-oriented");
        if (n.SupportsOobData) props.Add("out-of-band data");
        if (n.SupportsPeek) props.Add("peek");
        if (n.SupportsSelectPoll) props.Add("select/poll");
        if (n.IsReentrant) props.Add("reentrant");
        if (props.Count > 0) L("Network properties: " + string.Join(", ", props));
        if (n.ConnectionEstablishment is not null) L($"Connection establishment: {n.ConnectionEstablishment}");
        if (n.ConnectionTermination is not null) L($"Connection termination: {n.ConnectionTermination}");
    }

    private static string Bool(bool b) => b ? "true" : "false";
}
