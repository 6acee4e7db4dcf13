using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kapi.Collections;
using Kapi.Generators.Planning;
using Kapi.Model;

namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes the spec-metadata part of a spec file: a lazily built <c>Kapi.Runtime.Metadata.KernelApiSpec</c>
/// object graph holding every section the front end binds. Only non-default properties are written.
/// </summary>
internal static class MetadataEmitter
{
    private const string Ns = "global::Kapi.Runtime.Metadata.";

    public static void Emit(SourceWriter w, SpecPlan plan)
    {
        var o = plan.Options;
        string member = plan.MetadataMember;
        w.Open($"{o.Visibility} static partial class {Names.RegistryClassName}");
        w.Line($"private static {Ns}KernelApiSpec? __s_{member};");
        w.Line();
        var desc = CSharp.Xml(plan.Spec.Description);
        w.Line($"/// <summary>The spec <c>{CSharp.Xml(plan.SpecName)}</c>{(desc.Length > 0 ? ": " + desc : ".")}</summary>");
        w.Line($"public static {Ns}KernelApiSpec {member} => __s_{member} ??= __Create_{member}();");
        w.Line();
        w.Line($"private static {Ns}KernelApiSpec __Create_{member}() =>");
        Write(w, Spec(plan), ";", 1);
        w.Close();
    }

    // A tiny tree of object initializers, rendered with one property per line.
    private abstract class Value { }

    private sealed class Inline : Value
    {
        public Inline(string text) { Text = text; }
        public string Text { get; }
    }

    private sealed class Obj : Value
    {
        public Obj(string type) { Type = type; }
        public string Type { get; }
        public List<(string Name, Value Value)> Props { get; } = new();

        public Obj Str(string name, string? v) { if (v is not null) Props.Add((name, new Inline(CSharp.Literal(v)))); return this; }
        public Obj Int(string name, int v) { Props.Add((name, new Inline(v.ToString(CultureInfo.InvariantCulture)))); return this; }
        public Obj Long(string name, long? v) { if (v is long x) Props.Add((name, new Inline(CSharp.Long(x)))); return this; }
        public Obj Bool(string name, bool v) { if (v) Props.Add((name, new Inline("true"))); return this; }
        public Obj Const(string name, KapiValue? v) { if (v is not null) Props.Add((name, new Inline(Constant(v)))); return this; }
        public Obj Add(string name, Value? v) { if (v is not null) Props.Add((name, v)); return this; }

        public Obj List<T>(string name, string elementType, EquatableArray<T> items, System.Func<T, Value> map)
        {
            if (items.Count > 0) Props.Add((name, new Arr(elementType, items.Select(map).ToList())));
            return this;
        }
    }

    private sealed class Arr : Value
    {
        public Arr(string elementType, List<Value> items) { ElementType = elementType; Items = items; }
        public string ElementType { get; }
        public List<Value> Items { get; }
    }

    private static void Write(SourceWriter w, Value v, string suffix, int extraIndent, string prefix = "")
    {
        string pad = new string(' ', extraIndent * 4);
        switch (v)
        {
            case Inline i:
                w.Line(pad + prefix + i.Text + suffix);
                break;
            case Obj o:
                w.Line(pad + prefix + "new " + o.Type);
                w.Line(pad + "{");
                foreach (var (name, value) in o.Props)
                {
                    Write(w, value, ",", extraIndent + 1, name + " = ");
                }
                w.Line(pad + "}" + suffix);
                break;
            case Arr a:
                if (a.Items.All(x => x is Inline))
                {
                    string line = "new " + a.ElementType + "[] { " + string.Join(", ", a.Items.Cast<Inline>().Select(x => x.Text)) + " }";
                    if (line.Length <= 120)
                    {
                        w.Line(pad + prefix + line + suffix);
                        break;
                    }
                }
                w.Line(pad + prefix + "new " + a.ElementType + "[]");
                w.Line(pad + "{");
                foreach (var item in a.Items) Write(w, item, ",", extraIndent + 1);
                w.Line(pad + "}" + suffix);
                break;
        }
    }

    internal static string Constant(KapiValue v)
    {
        if (v.IsUniform) return $"{Ns}KapiConstant.Uniform({CSharp.Literal(v.Expression)}, {CSharp.NullableLong(v.X64)})";
        var values = new[] { v.X64, v.X86, v.Arm, v.Arm64, v.Ppc64le, v.S390x, v.RiscV64, v.LoongArch64 };
        if (values.All(x => x is null)) return $"{Ns}KapiConstant.Uniform({CSharp.Literal(v.Expression)}, null)";
        return $"new {Ns}KapiConstant({CSharp.Literal(v.Expression)}, {string.Join(", ", values.Select(CSharp.NullableLong))})";
    }

    private static Value Named(KapiNamedValue n) =>
        new Inline($"new {Ns}KapiNamedConstant({CSharp.Literal(n.Name)}, {Constant(n.Value)})");

    private static Value ConstantValue(KapiValue v) => new Inline(Constant(v));

    private static Obj Spec(SpecPlan plan)
    {
        var s = plan.Spec;
        var o = new Obj(Ns + "KernelApiSpec")
            .Str("Name", s.Name)
            .Add("Kind", new Inline(Ns + "KernelApiKind." + s.Kind switch { ApiKind.Ioctl => "Ioctl", ApiKind.Sysfs => "Sysfs", _ => "Function" }))
            .Str("Description", s.Description)
            .Str("LongDescription", s.LongDescription)
            .Const("ContextFlags", s.ContextFlags)
            .List("Parameters", Ns + "KapiParameterInfo", s.Params, Param)
            .Add("Return", s.Return is null ? null : Return(s.Return))
            .List("Errors", Ns + "KapiErrorInfo", s.Errors, e => new Obj(Ns + "KapiErrorInfo")
                .Int("Index", e.Index).Const("Code", e.Code).Str("Name", e.Name).Str("Condition", e.Condition).Str("Description", e.Description))
            .List("Signals", Ns + "KapiSignalInfo", s.Signals, Signal)
            .List("SignalMasks", Ns + "KapiSignalMaskInfo", s.SignalMasks, m => new Obj(Ns + "KapiSignalMaskInfo")
                .Int("Index", m.Index).Str("Name", m.Name).Str("Description", m.Description)
                .List("Signals", Ns + "KapiConstant", m.Signals, ConstantValue))
            .List("SideEffects", Ns + "KapiSideEffectInfo", s.SideEffects, e => new Obj(Ns + "KapiSideEffectInfo")
                .Int("Index", e.Index).Const("Type", e.Type).Str("Target", e.Target).Str("Condition", e.Condition)
                .Str("Description", e.Description).Bool("Reversible", e.Reversible))
            .List("StateTransitions", Ns + "KapiStateTransitionInfo", s.StateTransitions, t => new Obj(Ns + "KapiStateTransitionInfo")
                .Int("Index", t.Index).Str("Object", t.Object).Str("FromState", t.FromState).Str("ToState", t.ToState)
                .Str("Condition", t.Condition).Str("Description", t.Description))
            .List("Locks", Ns + "KapiLockInfo", s.Locks, l => new Obj(Ns + "KapiLockInfo")
                .Int("Index", l.Index).Str("Name", l.Name).Const("LockType", l.LockType).Bool("Acquired", l.Acquired)
                .Bool("Released", l.Released).Bool("HeldOnEntry", l.HeldOnEntry).Bool("HeldOnExit", l.HeldOnExit)
                .Str("Scope", l.Scope).Str("Description", l.Description))
            .List("Capabilities", Ns + "KapiCapabilityInfo", s.Capabilities, c => new Obj(Ns + "KapiCapabilityInfo")
                .Int("Index", c.Index).Const("Capability", c.Capability).Str("Name", c.Name).Const("Action", c.Action)
                .Str("Allows", c.Allows).Str("WithoutCapability", c.WithoutCapability).Str("Condition", c.Condition)
                .Const("Priority", c.Priority).List("Alternatives", Ns + "KapiConstant", c.Alternatives, ConstantValue))
            .List("Constraints", Ns + "KapiConstraintInfo", s.Constraints, c => new Obj(Ns + "KapiConstraintInfo")
                .Int("Index", c.Index).Str("Name", c.Name).Str("Description", c.Description).Str("Expression", c.Expression))
            .List("StructSpecs", Ns + "KapiStructInfo", s.StructSpecs, Struct)
            .Str("Examples", s.Examples)
            .Str("Notes", s.Notes)
            .Str("SinceVersion", s.SinceVersion)
            .Bool("Deprecated", s.Deprecated)
            .Str("Replacement", s.Replacement)
            .List("DeclaredCounts", Ns + "KapiDeclaredCount", s.DeclaredCounts, d => new Obj(Ns + "KapiDeclaredCount")
                .Str("Field", d.Field).Long("Value", d.Value))
            .Add("Ioctl", s.Ioctl is { } io ? new Obj(Ns + "KapiIoctlInfo")
                .Const("Command", io.Command).Str("CommandName", io.CommandName).Const("InputSize", io.InputSize)
                .Const("OutputSize", io.OutputSize).Str("FileOpsName", io.FileOpsName) : null)
            .Add("Sysfs", s.Sysfs is { } sf ? new Obj(Ns + "KapiSysfsInfo").Str("Subsystem", sf.Subsystem).Str("DeviceType", sf.DeviceType) : null)
            .Add("Network", s.Network is null ? null : Network(s.Network))
            .Str("SourceFile", plan.SourceFile)
            .Str("BindingMethod", plan.Syscall is { } sc ? plan.Options.ClassName + "." + sc.MethodName : null);
        return o;
    }

    private static Value Param(ParamSpec p) => new Obj(Ns + "KapiParameterInfo")
        .Int("Index", p.Index).Str("Name", p.Name).Str("CTypeName", p.CTypeName).Str("Description", p.Description)
        .Const("Type", p.Type).Const("Flags", p.Flags).Const("ConstraintType", p.ConstraintType)
        .Const("MinValue", p.MinValue).Const("MaxValue", p.MaxValue).Const("ValidMask", p.ValidMask)
        .List("MaskFlags", Ns + "KapiNamedConstant", p.MaskFlags, Named)
        .Const("RequiredMask", p.RequiredMask).Const("EnumMask", p.EnumMask).Bool("IgnoresUnknownBits", p.IgnoresUnknownBits)
        .List("EnumValues", Ns + "KapiNamedConstant", p.EnumValues, Named)
        .Long("EnumCount", p.EnumCount).Const("Size", p.Size).Const("Alignment", p.Alignment)
        .Long("SizeParamIndex", p.SizeParamIndex).Const("SizeMultiplier", p.SizeMultiplier)
        .Str("ConstraintText", p.ConstraintText).Str("Validator", p.Validator)
        .Add("Sysfs", p.Sysfs is { } s ? new Obj(Ns + "KapiSysfsParameterInfo")
            .Str("Path", s.Path).Const("Permissions", s.Permissions).Str("DefaultValue", s.DefaultValue)
            .Str("Units", s.Units).Const("Step", s.Step)
            .List("AllowedStrings", "string", s.AllowedStrings, a => new Inline(CSharp.Literal(a))) : null);

    private static Value Return(ReturnSpec r) => new Obj(Ns + "KapiReturnInfo")
        .Str("CTypeName", r.CTypeName).Str("Description", r.Description).Const("Type", r.Type)
        .Const("CheckType", r.CheckType).Const("SuccessValue", r.SuccessValue).Const("SuccessMin", r.SuccessMin)
        .Const("SuccessMax", r.SuccessMax).List("ErrorValues", Ns + "KapiConstant", r.ErrorValues, ConstantValue)
        .Long("ErrorCount", r.ErrorCount).Str("SuccessPredicate", r.SuccessPredicate);

    private static Value Signal(SignalSpec s) => new Obj(Ns + "KapiSignalInfo")
        .Int("Index", s.Index).Const("SignalNumber", s.SignalNumber).Str("SignalName", s.SignalName)
        .Const("Direction", s.Direction).Const("Action", s.Action).Str("Target", s.Target).Str("Condition", s.Condition)
        .Str("Description", s.Description).Bool("Restartable", s.Restartable).Const("SaFlagsRequired", s.SaFlagsRequired)
        .Const("SaFlagsForbidden", s.SaFlagsForbidden).Const("ErrorOnSignal", s.ErrorOnSignal).Const("TransformTo", s.TransformTo)
        .Str("Timing", s.Timing).Const("Priority", s.Priority).Bool("Interruptible", s.Interruptible)
        .Str("QueueBehavior", s.QueueBehavior).Const("StateRequired", s.StateRequired).Const("StateForbidden", s.StateForbidden);

    private static Value Struct(StructSpec s) => new Obj(Ns + "KapiStructInfo")
        .Int("Index", s.Index).Str("Name", s.Name).Str("Description", s.Description).Const("Size", s.Size)
        .Const("Alignment", s.Alignment)
        .List("Fields", Ns + "KapiStructFieldInfo", s.Fields, f => new Obj(Ns + "KapiStructFieldInfo")
            .Int("Index", f.Index).Str("Name", f.Name).Const("Type", f.Type).Str("CTypeName", f.CTypeName)
            .Str("Description", f.Description).Const("Offset", f.Offset).Const("Size", f.Size).Const("Flags", f.Flags)
            .Const("ConstraintType", f.ConstraintType).Const("MinValue", f.MinValue).Const("MaxValue", f.MaxValue)
            .Const("ValidMask", f.ValidMask).List("EnumValues", Ns + "KapiNamedConstant", f.EnumValues, Named));

    private static Value Network(NetworkInfo n) => new Obj(Ns + "KapiNetworkInfo")
        .Add("SocketState", n.SocketState is { } ss ? new Obj(Ns + "KapiSocketStateInfo")
            .List("RequiredStates", Ns + "KapiConstant", ss.RequiredStates, ConstantValue)
            .List("ForbiddenStates", Ns + "KapiConstant", ss.ForbiddenStates, ConstantValue)
            .Const("ResultingState", ss.ResultingState).Str("Condition", ss.Condition)
            .Const("ApplicableProtocols", ss.ApplicableProtocols) : null)
        .List("ProtocolBehaviors", Ns + "KapiProtocolBehaviorInfo", n.ProtocolBehaviors, b => new Obj(Ns + "KapiProtocolBehaviorInfo")
            .Int("Index", b.Index).Const("ApplicableProtocols", b.ApplicableProtocols).Str("Behavior", b.Behavior)
            .Const("ProtocolFlags", b.ProtocolFlags).Str("FlagDescription", b.FlagDescription))
        .Add("Buffer", n.Buffer is { } b2 ? new Obj(Ns + "KapiBufferInfo")
            .Const("Behaviors", b2.Behaviors).Const("MinSize", b2.MinSize).Const("MaxSize", b2.MaxSize)
            .Const("OptimalSize", b2.OptimalSize).Bool("CanPartialTransfer", b2.CanPartialTransfer)
            .Str("PartialTransferRules", b2.PartialTransferRules).Str("FragmentationRules", b2.FragmentationRules) : null)
        .Add("Async", n.Async is { } a ? new Obj(Ns + "KapiAsyncInfo")
            .Const("SupportedModes", a.SupportedModes).Const("NonblockErrno", a.NonblockErrno)
            .Const("PollEventsIn", a.PollEventsIn).Const("PollEventsOut", a.PollEventsOut)
            .Str("CompletionCondition", a.CompletionCondition).Bool("SupportsTimeout", a.SupportsTimeout)
            .Str("TimeoutBehavior", a.TimeoutBehavior) : null)
        .List("AddressFamilies", Ns + "KapiAddressFamilyInfo", n.AddressFamilies, f => new Obj(Ns + "KapiAddressFamilyInfo")
            .Int("Index", f.Index).Const("Family", f.Family).Str("FamilyName", f.FamilyName)
            .Const("AddressStructSize", f.AddressStructSize).Const("MinAddressLength", f.MinAddressLength)
            .Const("MaxAddressLength", f.MaxAddressLength).Str("AddressFormat", f.AddressFormat)
            .Bool("SupportsWildcard", f.SupportsWildcard).Bool("SupportsMulticast", f.SupportsMulticast)
            .Bool("SupportsBroadcast", f.SupportsBroadcast).Str("SpecialAddresses", f.SpecialAddresses)
            .Const("PortRangeMin", f.PortRangeMin).Const("PortRangeMax", f.PortRangeMax))
        .Bool("IsConnectionOriented", n.IsConnectionOriented).Bool("IsMessageOriented", n.IsMessageOriented)
        .Bool("SupportsOobData", n.SupportsOobData).Bool("SupportsPeek", n.SupportsPeek)
        .Bool("SupportsSelectPoll", n.SupportsSelectPoll).Bool("IsReentrant", n.IsReentrant)
        .Str("ConnectionEstablishment", n.ConnectionEstablishment).Str("ConnectionTermination", n.ConnectionTermination)
        .Str("DataTransferSemantics", n.DataTransferSemantics);
}
