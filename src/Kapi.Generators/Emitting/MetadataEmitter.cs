using System.Globalization;
using Kapi.Model.Schema;
using Kapi.Vocabulary;

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
        w.Open($"{o.Visibility} static partial class {GeneratedNames.RegistryClassName}");
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
        string text = CSharp.Literal(WrittenText(v));
        if (v.IsUniform) return $"{Ns}KapiConstant.Uniform({text}, {CSharp.NullableLong(v.X64)})";
        var values = new[] { v.X64, v.X86, v.Arm, v.Arm64, v.Ppc64le, v.S390x, v.RiscV64, v.LoongArch64 };
        if (values.All(x => x is null)) return $"{Ns}KapiConstant.Uniform({text}, null)";
        return $"new {Ns}KapiConstant({text}, {string.Join(", ", values.Select(CSharp.NullableLong))})";
    }

#pragma warning disable RS0030 // display: the spec's own spelling is copied into the runtime metadata, never interpreted
    private static string WrittenText(KapiValue value) => value.Expression;

    private static string WrittenText(IKapiTerm term) => term.Text;
#pragma warning restore RS0030

    private static Value Named(KapiNamedValue n) =>
        new Inline($"new {Ns}KapiNamedConstant({CSharp.Literal(n.Name)}, {Constant(n.Value)})");

    private static Value ConstantValue(KapiValue v) => new Inline(Constant(v));

    private static Obj Spec(SpecPlan plan)
    {
        var s = plan.Spec;
        var o = new Obj(Ns + "KernelApiSpec")
            .Str("Name", s.Name)
            .Add("Kind", new Inline(Ns + "KernelApiKind." + s.Kind switch { ApiKind.Ioctl => "Ioctl", ApiKind.Sysfs => "Sysfs", _ => "Function" }));
        AddFields(o, s, ApiSpec.Schema);
        return o
            .Str("SourceFile", plan.SourceFile)
            .Str("BindingMethod", plan.Syscall is { } sc ? plan.Options.ClassName + "." + sc.MethodName : null);
    }

    /// <summary>A section as an object initializer of its runtime metadata class, one property per schema field.</summary>
    private static Obj Section(object record, KapiSectionSchema schema)
    {
        var o = new Obj(Ns + schema.RuntimeType);
        AddFields(o, record, schema);
        return o;
    }

    private static void AddFields(Obj o, object record, KapiSectionSchema schema)
    {
        foreach (var field in schema.Fields)
        {
            if (field.RuntimeProperty is not { } name) continue;
            var value = field.GetValue(record);
            switch (field.Kind)
            {
                case KapiFieldKind.Text:
                case KapiFieldKind.Symbol:
                    o.Str(name, (string?)value);
                    break;
                case KapiFieldKind.Number:
                    o.Const(name, (KapiValue?)value);
                    break;
                case KapiFieldKind.Flag:
                    o.Bool(name, (bool)value!);
                    break;
                case KapiFieldKind.Count:
                    if (value is int index) o.Int(name, index);
                    else o.Long(name, (long?)value);
                    break;
                case KapiFieldKind.Term when value is IKapiTerm term:
                    o.Add(name, new Inline(field.RuntimeAsText ? CSharp.Literal(WrittenText(term)) : $"{Ns}KapiConstant.Uniform({CSharp.Literal(WrittenText(term))}, {CSharp.Long(term.Number)})"));
                    break;
                case KapiFieldKind.Numbers:
                    o.List(name, Ns + "KapiConstant", (EquatableArray<KapiValue>)value!, ConstantValue);
                    break;
                case KapiFieldKind.NamedNumbers:
                    o.List(name, Ns + "KapiNamedConstant", (EquatableArray<KapiNamedValue>)value!, Named);
                    break;
                case KapiFieldKind.Texts:
                    o.List(name, "string", (EquatableArray<string>)value!, text => new Inline(CSharp.Literal(text)));
                    break;
                case KapiFieldKind.Section when value is not null:
                    o.Add(name, Section(value, field.Section!));
                    break;
                case KapiFieldKind.Sections:
                    var items = ((System.Collections.IEnumerable)value!).Cast<object>().Select(item => (Value)Section(item, field.Section!)).ToList();
                    if (items.Count > 0) o.Add(name, new Arr(Ns + field.Section!.RuntimeType, items));
                    break;
            }
        }
    }
}
