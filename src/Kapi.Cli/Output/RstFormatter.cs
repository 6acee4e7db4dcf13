using System.Collections.Generic;
using System.Linq;
using System.Text;
using Kapi.Architectures;
using Kapi.Model;

namespace Kapi.Cli.Output;

/// <summary>
/// reStructuredText in the upstream tool's layout: the API name as a section title ('='), the description in bold,
/// the long description, then one '-' subsection per part (Execution Context, Parameters (N), Return Value,
/// Possible Errors (N), Notes, Examples as a C code block, …). Unlike upstream, every heading is a valid RST title
/// (upstream puts a blank line between some titles and their underline) and field lists are separated from the
/// paragraph before them.
/// </summary>
internal sealed class RstFormatter
{
    private readonly StringBuilder _sb = new();
    private readonly KapiArch _arch;

    private RstFormatter(KapiArch arch) => _arch = arch;

    private void L(string line = "") => _sb.Append(line).Append('\n');

    private void Title(string title, char underline)
    {
        L(title);
        L(new string(underline, title.Length));
        L();
    }

    private string V(KapiValue? v, bool hex = false) => KapiNames.Show(v, _arch, hex);

    private string N(KapiValue? v) => KapiNames.Named(v, _arch);

    /// <summary>Indents the continuation lines of a multi-line text so it stays inside its list item or field.</summary>
    private static string Ind(string? text, string indent)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        return text!.Replace("\r\n", "\n").Replace("\n", "\n" + indent);
    }

    public static string List(IReadOnlyList<ApiSpec> specs)
    {
        var f = new RstFormatter(KapiArchitectures.Current);
        foreach (var (type, title) in SpecList.Groups)
        {
            var group = specs.Where(s => KapiNames.ApiType(s) == type).ToList();
            if (group.Count == 0) continue;
            f.L();
            f.Title(title, '=');
            foreach (var s in group) f.L($"* **{s.Name}** (*{type}*)");
        }
        f.L();
        f.L($"**Total specifications found:** {specs.Count}");
        return f._sb.ToString();
    }

    public static string Details(ApiSpec s, KapiArch arch)
    {
        var f = new RstFormatter(arch);
        f.Write(s);
        return f._sb.ToString();
    }

    private void Write(ApiSpec s)
    {
        L();
        Title(s.Name, '=');
        if (s.Description is not null)
        {
            L($"**{s.Description}**");
            L();
        }
        if (s.LongDescription is not null)
        {
            L(s.LongDescription);
            L();
        }
        L($":Architecture: {_arch.RidName()}");
        if (s.SinceVersion is not null) L($":Available since: {s.SinceVersion}");
        if (s.Deprecated) L(":Deprecated: yes");
        if (s.Replacement is not null) L($":Replacement: {s.Replacement}");
        L();
        if (s.ContextFlags is not null)
        {
            Title("Execution Context", '-');
            L($"* {KapiNames.OneLine(s.ContextFlags.Expression)}");
            L();
        }
        if (!s.Params.IsEmpty)
        {
            Title($"Parameters ({s.Params.Count})", '-');
            foreach (var p in s.Params) Param(p);
        }
        if (s.Return is { } r)
        {
            Title("Return Value", '-');
            L($":Type: {r.CTypeName}");
            L($":Description: {Ind(r.Description, "   ")}");
            if (r.Type is not null) L($":Return type: {N(r.Type)}");
            if (r.CheckType is not null) L($":Check type: {N(r.CheckType)}");
            if (r.SuccessValue is not null) L($":Success value: {V(r.SuccessValue)}");
            if (r.SuccessMin is not null || r.SuccessMax is not null) L($":Success range: {V(r.SuccessMin)} to {V(r.SuccessMax)}");
            if (!r.ErrorValues.IsEmpty) L(":Error values: " + string.Join(", ", r.ErrorValues.Select(e => V(e))));
            if (r.SuccessPredicate is not null) L($":Success predicate: ``{r.SuccessPredicate}``");
            L();
        }
        if (!s.Errors.IsEmpty)
        {
            Title($"Possible Errors ({s.Errors.Count})", '-');
            foreach (var e in s.Errors)
            {
                L($"**{e.Name}** ({KapiNames.ValueOnly(e.Code, _arch)})");
                L();
                L($"  :Condition: {Ind(e.Condition, "     ")}");
                if (!string.IsNullOrEmpty(e.Description)) L($"  :Description: {Ind(e.Description, "     ")}");
                L();
            }
        }
        if (s.Notes is not null)
        {
            Title("Notes", '-');
            L(s.Notes);
            L();
        }
        if (s.Examples is not null)
        {
            Title("Examples", '-');
            L(".. code-block:: c");
            L();
            foreach (var line in s.Examples.Replace("\r\n", "\n").Split('\n')) L(line.Length == 0 ? string.Empty : "   " + line);
            L();
        }
        if (s.Kind == ApiKind.Sysfs || s.Sysfs is not null)
        {
            var sp = JsonFormatter.FirstSysfsParam(s);
            if (s.Sysfs?.Subsystem is not null) { L($":Subsystem: {s.Sysfs.Subsystem}"); L(); }
            if (s.Sysfs?.DeviceType is not null) { L($":Device type: {s.Sysfs.DeviceType}"); L(); }
            if (sp?.Path is not null) { L($":Sysfs Path: {sp.Path}"); L(); }
            if (sp?.Permissions is not null) { L($":Permissions: {KapiNames.Permissions(sp.Permissions, _arch)}"); L(); }
        }
        if (s.Ioctl is { } io)
        {
            Title("IOCTL", '-');
            if (io.Command is not null) L($":Command: {V(io.Command, hex: true)}");
            if (io.CommandName is not null) L($":Command name: ``{io.CommandName}``");
            if (io.InputSize is not null) L($":Input size: {V(io.InputSize)}");
            if (io.OutputSize is not null) L($":Output size: {V(io.OutputSize)}");
            if (io.FileOpsName is not null) L($":File operations: ``{io.FileOpsName}``");
            L();
        }
        if (s.Network is { } net) Network(net);
        if (!s.Capabilities.IsEmpty)
        {
            Title("Required Capabilities", '-');
            foreach (var c in s.Capabilities)
            {
                L($"**{c.Name} ({KapiNames.ValueOnly(c.Capability, _arch)})** - {(c.Action is null ? string.Empty : KapiNames.OneLine(c.Action.Expression))}");
                L();
                if (!string.IsNullOrEmpty(c.Allows)) L($"* **Allows:** {Ind(c.Allows, "  ")}");
                if (!string.IsNullOrEmpty(c.WithoutCapability)) L($"* **Without capability:** {Ind(c.WithoutCapability, "  ")}");
                if (c.Condition is not null) L($"* **Condition:** {Ind(c.Condition, "  ")}");
                if (c.Priority is not null) L($"* **Priority:** {V(c.Priority)}");
                if (!c.Alternatives.IsEmpty) L("* **Alternatives:** " + string.Join(", ", c.Alternatives.Select(a => V(a))));
                L();
            }
        }
        if (!s.Signals.IsEmpty)
        {
            Title($"Signals ({s.Signals.Count})", '-');
            foreach (var sig in s.Signals) Signal(sig);
        }
        if (!s.SignalMasks.IsEmpty)
        {
            Title($"Signal Masks ({s.SignalMasks.Count})", '-');
            foreach (var m in s.SignalMasks)
            {
                L($"* **{m.Name}**");
                if (!string.IsNullOrEmpty(m.Description)) L($"  {Ind(m.Description, "  ")}");
                if (!m.Signals.IsEmpty) L("  :Signals: " + string.Join(", ", m.Signals.Select(x => V(x))));
                L();
            }
        }
        if (!s.SideEffects.IsEmpty)
        {
            Title($"Side Effects ({s.SideEffects.Count})", '-');
            foreach (var e in s.SideEffects)
            {
                L($"* **{e.Target}**" + (e.Reversible ? " *(reversible)*" : string.Empty));
                L();
                L($"  {Ind(e.Description, "  ")}");
                L();
                if (e.Type?.Get(_arch) is long t) L($"  :Type: {KapiNames.Decode(KapiNames.EffectTypes, t, " | ")}");
                if (e.Condition is not null) L($"  :Condition: {Ind(e.Condition, "     ")}");
                L();
            }
        }
        if (!s.StateTransitions.IsEmpty)
        {
            Title($"State Transitions ({s.StateTransitions.Count})", '-');
            foreach (var t in s.StateTransitions)
            {
                L($"* **{t.Object}**: {t.FromState} → {t.ToState}");
                L();
                L($"  {Ind(t.Description, "  ")}");
                L();
                if (t.Condition is not null) L($"  :Condition: {Ind(t.Condition, "     ")}");
                L();
            }
        }
        if (!s.Constraints.IsEmpty)
        {
            Title($"Constraints ({s.Constraints.Count})", '-');
            foreach (var c in s.Constraints)
            {
                L($"* **{c.Name}**");
                L();
                if (!string.IsNullOrEmpty(c.Description)) { L($"  {Ind(c.Description, "  ")}"); L(); }
                if (c.Expression is not null) L($"  :Expression: ``{KapiNames.OneLine(c.Expression)}``");
                L();
            }
        }
        if (!s.Locks.IsEmpty)
        {
            Title($"Locks ({s.Locks.Count})", '-');
            foreach (var lk in s.Locks)
            {
                string type = KapiNames.Lookup(KapiNames.LockTypes, lk.LockType?.Get(_arch));
                L($"* **{lk.Name}**" + (type is "NONE" or "UNKNOWN" ? string.Empty : $" *({(type == "RCU" ? "RCU" : type.ToLowerInvariant())})*"));
                L();
                if (!string.IsNullOrEmpty(lk.Description)) { L($"  {Ind(lk.Description, "  ")}"); L(); }
                L($"  :Scope: {KapiNames.LockScopes[KapiNames.LockScope(lk)]}");
                L();
            }
        }
        if (!s.StructSpecs.IsEmpty)
        {
            Title($"Structure Specifications ({s.StructSpecs.Count})", '-');
            foreach (var st in s.StructSpecs) Struct(st);
        }
    }

    private void Param(ParamSpec p)
    {
        L($"**[{p.Index}] {p.Name}** (*{p.CTypeName}*)");
        L();
        if (!string.IsNullOrEmpty(p.Description))
        {
            L($"  {Ind(p.Description, "  ")}");
            L();
        }
        var fields = new List<string>();
        if (p.Flags?.Get(_arch) is long flags && flags != 0) fields.Add($":Flags: {KapiNames.Decode(KapiNames.ParamFlags, flags, ", ")}");
        if (p.Type is not null) fields.Add($":Type: {N(p.Type)}");
        if (p.ConstraintType is not null) fields.Add($":Constraint type: {N(p.ConstraintType)}");
        if (p.ConstraintText is not null) fields.Add($":Constraint: {Ind(p.ConstraintText, "     ")}");
        if (p.MinValue is not null || p.MaxValue is not null) fields.Add($":Range: {V(p.MinValue)} to {V(p.MaxValue)}");
        if (p.ValidMask is not null) fields.Add($":Valid mask: {V(p.ValidMask, hex: true)}");
        if (p.RequiredMask is not null) fields.Add($":Required (at least one of): {V(p.RequiredMask, hex: true)}");
        if (p.EnumMask is not null) fields.Add($":Enumerated field mask: {V(p.EnumMask, hex: true)}");
        if (!p.EnumValues.IsEmpty) fields.Add(":Enum values: " + string.Join(", ", p.EnumValues.Select(e => $"{KapiNames.EnumName(e)} ({(e.Value.Get(_arch) is long n ? KapiNames.Dec(n) : "?")})")));
        if (p.Size is not null) fields.Add($":Size: {V(p.Size)}");
        if (p.Alignment is not null) fields.Add($":Alignment: {V(p.Alignment)}");
        if (p.SizeParamIndex is long idx && idx >= 0) fields.Add($":Size parameter: [{idx}]" + (p.SizeMultiplier is null ? string.Empty : $" x {V(p.SizeMultiplier)}"));
        if (p.Sysfs is { } sf)
        {
            if (sf.Path is not null) fields.Add($":Sysfs path: {sf.Path}");
            if (sf.Permissions is not null) fields.Add($":Permissions: {KapiNames.Permissions(sf.Permissions, _arch)}");
            if (sf.DefaultValue is not null) fields.Add($":Default: {sf.DefaultValue}");
            if (sf.Units is not null) fields.Add($":Units: {sf.Units}");
            if (sf.Step is not null) fields.Add($":Step: {V(sf.Step)}");
            if (!sf.AllowedStrings.IsEmpty) fields.Add(":Allowed strings: " + string.Join(", ", sf.AllowedStrings));
        }
        foreach (var f in fields) L("  " + f);
        L();
    }

    private void Signal(SignalSpec s)
    {
        L($"* **{s.SignalName}**" + (s.SignalNumber?.Get(_arch) is long n && n != 0 ? $" ({KapiNames.ValueOnly(s.SignalNumber, _arch)})" : string.Empty));
        L();
        var dir = s.Direction?.Get(_arch) is long d && d != 0 ? KapiNames.Decode(KapiNames.SignalDirections, d, ", ").ToLowerInvariant() : "unknown";
        L($"  :Direction: {dir}");
        L($"  :Action: {KapiNames.Lookup(KapiNames.SignalActions, s.Action?.Get(_arch) ?? 0).ToLowerInvariant()}");
        if (s.Target is not null) L($"  :Target: {Ind(s.Target, "     ")}");
        if (s.Condition is not null) L($"  :Condition: {Ind(s.Condition, "     ")}");
        if (s.Description is not null) L($"  :Description: {Ind(s.Description, "     ")}");
        if (s.Timing is not null) L($"  :Timing: {s.Timing}");
        if (s.Priority is not null) L($"  :Priority: {V(s.Priority)}");
        if (s.Interruptible) L("  :Interruptible: yes");
        if (s.Restartable) L("  :Restartable: yes");
        if (s.ErrorOnSignal is not null) L($"  :Error on signal: {V(s.ErrorOnSignal)}");
        if (s.TransformTo is not null) L($"  :Transform to: {V(s.TransformTo)}");
        if (s.QueueBehavior is not null) L($"  :Queue: {s.QueueBehavior}");
        L();
    }

    private void Struct(StructSpec st)
    {
        L($"**{st.Name}**");
        L();
        if (!string.IsNullOrEmpty(st.Description))
        {
            L($"  {Ind(st.Description, "  ")}");
            L();
        }
        L($"  :Size: {V(st.Size)} bytes");
        L($"  :Alignment: {V(st.Alignment)} bytes");
        L($"  :Fields: {st.Fields.Count}");
        L();
        if (st.Fields.IsEmpty) return;
        foreach (var f in st.Fields)
        {
            L($"  * **{f.Name}** ({f.CTypeName})");
            if (!string.IsNullOrEmpty(f.Description)) L($"    {Ind(f.Description, "    ")}");
            if (f.Offset is not null || f.Size is not null) L($"    Offset {V(f.Offset)}, size {V(f.Size)}.");
            if (f.MinValue is not null || f.MaxValue is not null) L($"    Range: [{V(f.MinValue)}, {V(f.MaxValue)}]");
            if (f.ValidMask is not null) L($"    Mask: {V(f.ValidMask, hex: true)}");
        }
        L();
    }

    private void Network(NetworkInfo n)
    {
        if (n.SocketState is { } ss)
        {
            Title("Socket State Requirements", '-');
            if (!ss.RequiredStates.IsEmpty) L("**Required states:** " + string.Join(", ", ss.RequiredStates.Select(x => KapiNames.OneLine(x.Expression))));
            if (!ss.ForbiddenStates.IsEmpty) L("**Forbidden states:** " + string.Join(", ", ss.ForbiddenStates.Select(x => KapiNames.OneLine(x.Expression))));
            if (ss.ResultingState is not null) L($"**Resulting state:** {KapiNames.OneLine(ss.ResultingState.Expression)}");
            if (ss.Condition is not null) L($"**Condition:** {ss.Condition}");
            if (ss.ApplicableProtocols is not null) L($"**Applicable protocols:** {KapiNames.OneLine(ss.ApplicableProtocols.Expression)}");
            L();
        }
        if (!n.ProtocolBehaviors.IsEmpty)
        {
            Title("Protocol-Specific Behaviors", '-');
            foreach (var b in n.ProtocolBehaviors)
            {
                L($"**{(b.ApplicableProtocols is null ? string.Empty : KapiNames.OneLine(b.ApplicableProtocols.Expression))}**");
                L();
                L(b.Behavior ?? string.Empty);
                if (b.ProtocolFlags is not null)
                {
                    L();
                    L($"*Flags:* {KapiNames.OneLine(b.ProtocolFlags.Expression)}" + (b.FlagDescription is null ? string.Empty : $" ({b.FlagDescription})"));
                }
                L();
            }
        }
        if (!n.AddressFamilies.IsEmpty)
        {
            Title("Supported Address Families", '-');
            foreach (var a in n.AddressFamilies)
            {
                L($"**{a.FamilyName} ({KapiNames.ValueOnly(a.Family, _arch)})**");
                L();
                L($"* **Struct size:** {V(a.AddressStructSize)} bytes");
                L($"* **Address length:** {V(a.MinAddressLength)}-{V(a.MaxAddressLength)} bytes");
                if (a.AddressFormat is not null) L($"* **Format:** ``{a.AddressFormat}``");
                L($"* **Features:** wildcard={(a.SupportsWildcard ? "true" : "false")}, multicast={(a.SupportsMulticast ? "true" : "false")}, broadcast={(a.SupportsBroadcast ? "true" : "false")}");
                if (a.SpecialAddresses is not null) L($"* **Special addresses:** {a.SpecialAddresses}");
                if (a.PortRangeMax is not null) L($"* **Port range:** {V(a.PortRangeMin)}-{V(a.PortRangeMax)}");
                L();
            }
        }
        if (n.Buffer is { } buf)
        {
            Title("Buffer Specification", '-');
            if (buf.Behaviors is not null) L($"**Behaviors:** {KapiNames.OneLine(buf.Behaviors.Expression)}");
            if (buf.MinSize is not null) L($"**Min size:** {V(buf.MinSize)} bytes");
            if (buf.MaxSize is not null) L($"**Max size:** {V(buf.MaxSize)} bytes");
            if (buf.OptimalSize is not null) L($"**Optimal size:** {V(buf.OptimalSize)} bytes");
            L();
        }
        if (n.Async is { } asy)
        {
            Title("Asynchronous Operation", '-');
            if (asy.SupportedModes is not null) L($"**Supported modes:** {KapiNames.OneLine(asy.SupportedModes.Expression)}");
            if (asy.NonblockErrno is not null) L($"**Non-blocking errno:** {V(asy.NonblockErrno)}");
            L();
        }
        if (n.DataTransferSemantics is not null)
        {
            L($"**Network Data Transfer:** {n.DataTransferSemantics}");
            L();
        }
    }
}
